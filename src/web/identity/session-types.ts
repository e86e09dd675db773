import type { SignedIn } from '../../modules/identity/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The live session of this request, or null for someone not signed in. */
    signedIn: SignedIn | null;
  }
}

export {};
