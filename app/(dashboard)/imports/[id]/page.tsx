import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ImportCli } from "@/components/imports/import-cli";
import { ImportDetail } from "@/components/imports/import-detail";
import { ImportStartedBy } from "@/components/imports/import-started-by";
import { CopyButton } from "@/components/ui/copy-button";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import {
  configuredRegions,
  findImportRegion,
  listImportFailuresPage,
  toCloudTrailFailure,
} from "@/lib/cloudtrail";
import { getImportView } from "@/lib/cloudtrail/imports-view";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { importDetailOptions, importFailuresOptions } from "@/lib/queries/imports";
import { awsRegionSchema, importIdSchema } from "@/lib/schemas/import";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = importIdSchema.safeParse((await params).id);
  return { title: id.success ? `Import ${id.data.slice(0, 8)}` : "Import not found" };
}

export default async function ImportPage({ params, searchParams }: Props) {
  const parsedId = importIdSchema.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const importId = parsedId.data;
  const user = await requireUser(`/imports/${importId}`);

  // ?region= (from the list or a shared link) saves asking every Region; a wrong one is ignored.
  const rawRegion = (await searchParams).region;
  const hinted = awsRegionSchema.safeParse(typeof rawRegion === "string" ? rawRegion : undefined);
  const region =
    hinted.success && configuredRegions().includes(hinted.data)
      ? hinted.data
      : await findImportRegion(user, importId);
  if (!region) notFound();

  let view;
  try {
    view = await getImportView(user, region, importId);
  } catch (error) {
    const failure = toCloudTrailFailure(error);
    if (failure.code === "ImportNotFoundException") notFound();
    // A transient failure (throttling, 5xx, network) must not replace the page with an error
    // screen: render it unseeded and let the client query load it with its own retries.
    if (!failure.retryable) throw error;
  }

  const queryClient = getQueryClient();
  if (view) queryClient.setQueryData(importDetailOptions(importId, region).queryKey, view);
  try {
    const failures = await listImportFailuresPage(user, region, importId, { maxResults: 25 });
    queryClient.setQueryData(importFailuresOptions(importId, region, null).queryKey, failures);
  } catch {
    // The client fetches the failures itself and shows what went wrong there.
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Link href="/imports" className="text-primary text-sm underline-offset-4 hover:underline">
          ← All imports
        </Link>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          Import <span className="font-mono text-xl break-all">{importId}</span>
          <CopyButton value={importId} label="Copy import ID" />
        </h1>
        <p className="text-muted-foreground text-sm">
          Started by{" "}
          <Suspense fallback={<span>looking it up in CloudTrail event history…</span>}>
            <ImportStartedBy
              caller={user}
              region={region}
              importId={importId}
              createdAt={view?.import.createdAt}
            />
          </Suspense>
        </p>
        <Link
          href={`/activity?${new URLSearchParams({ import: importId })}`}
          className="text-primary text-sm underline-offset-4 hover:underline"
        >
          Activity for this import
        </Link>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ImportDetail
          importId={importId}
          region={region}
          canAct={hasRole(user.roles, "operator")}
        />
      </HydrationBoundary>
      <ImportCli importId={importId} region={region} />
    </div>
  );
}
