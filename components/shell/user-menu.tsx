import { SignOutButton } from "./sign-out-button";
import { Badge } from "@/components/ui/badge";
import { currentUser } from "@/lib/auth/guard";
import { roleLabel } from "@/lib/auth/roles";

/** Who is signed in, with which role, and the way out. Renders nothing without a session. */
export async function UserMenu() {
  const user = await currentUser();
  if (!user) return null;
  const role = roleLabel(user.roles);

  return (
    <div role="group" aria-label="Account" className="flex min-w-0 items-center gap-2 sm:gap-3">
      <div className="sr-only min-w-0 text-right leading-tight md:not-sr-only">
        <p className="truncate text-sm font-medium">{user.name}</p>
        {user.email && <p className="text-muted-foreground truncate text-xs">{user.email}</p>}
      </div>
      {role && (
        <Badge variant={role === "Operator" ? "default" : "secondary"} title={`Your role: ${role}`}>
          <span className="sr-only">Role: </span>
          {role}
        </Badge>
      )}
      <SignOutButton />
    </div>
  );
}
