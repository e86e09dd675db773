-- The decisions-by-post job skips a decision already enclosed in a letter (the notice to someone who chose post):
-- it looks letters up by the decision they enclose.
CREATE INDEX letters_document_id ON letters (document_id) WHERE document_id IS NOT NULL;
