import type { AppRole } from "@/lib/auth/roles";

// Roles travel ID token → User (profile()) → JWT (jwt callback) → Session (session callback).
declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; roles: AppRole[] };
  }

  interface User {
    roles: AppRole[];
    /** Whether the IdP verified `email` (lib/auth/email-verified.ts); sign-in refuses unverified addresses. */
    emailTrusted: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    roles?: AppRole[];
    /** Epoch seconds of the sign-in; enforces the absolute session cap even if the cookie is re-issued. */
    signedInAt?: number;
    /** Random id of the sign-in, shared by every copy of the session (frame and top level); see session-revocations. */
    sid?: string;
  }
}
