-- The demo copy of the population register's people: who a tax number (РНОКПП) belongs to, so a person
-- granting a mandate sees the representative's name before confirming.
CREATE TABLE population_people (
  national_id text PRIMARY KEY CHECK (national_id ~ '^[0-9]{10}$'),
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL
);
