"use client";

import { createContext, type ReactNode, useContext } from "react";
import { exactValues } from "@/lib/imports/allow-list";

/** The deployment's allow-lists (IMPORT_ALLOWED_ROLE_ARNS, IMPORT_ALLOWED_BUCKETS); empty = no list. */
export type AllowedChoices = { roles: readonly string[]; buckets: readonly string[] };

const NONE: AllowedChoices = { roles: [], buckets: [] };
const AllowedChoicesContext = createContext<AllowedChoices>(NONE);

/** Gives the wizard's steps the allow-lists the server enforces, so they can offer them as the choices. */
export function AllowedChoicesProvider({
  value,
  children,
}: {
  value: AllowedChoices;
  children: ReactNode;
}) {
  return <AllowedChoicesContext value={value}>{children}</AllowedChoicesContext>;
}

const TEXT = {
  role: { noun: "roles", suggest: (value: string) => value },
  bucket: { noun: "buckets", suggest: (value: string) => `s3://${value}/` },
} as const;

/**
 * The `list` id to put on the input, and the `<datalist>` plus a sentence naming what the server accepts.
 * Renders nothing when the deployment has no list for this kind.
 */
export function useAllowedChoices(kind: "role" | "bucket"): {
  listId: string | undefined;
  hint: ReactNode;
} {
  const choices = useContext(AllowedChoicesContext);
  const patterns = kind === "role" ? choices.roles : choices.buckets;
  if (patterns.length === 0) return { listId: undefined, hint: null };
  const listId = `allowed-${kind}s`;
  const { noun, suggest } = TEXT[kind];
  return {
    listId,
    hint: (
      <>
        <datalist id={listId}>
          {exactValues(patterns).map((value) => (
            <option key={value} value={suggest(value)} />
          ))}
        </datalist>
        <span className="text-muted-foreground block text-sm">
          This deployment allows these {noun} only ({"*"} matches any characters):{" "}
          {patterns.map((pattern, index) => (
            <span key={pattern}>
              {index > 0 ? ", " : null}
              <code className="break-all">{pattern}</code>
            </span>
          ))}
        </span>
      </>
    ),
  };
}
