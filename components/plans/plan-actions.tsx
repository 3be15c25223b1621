"use client";

import { BanIcon, PauseIcon, PlayIcon } from "lucide-react";
import type { ReactNode } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { usePlanCommandMutation } from "@/lib/hooks/use-plan";
import { planTransition } from "@/lib/plans/transitions";
import type { PlanState } from "@/lib/schemas/plan-rows";

type Mutation = ReturnType<typeof usePlanCommandMutation>;

function Confirm({
  trigger,
  title,
  description,
  confirm,
  keep,
  onConfirm,
}: {
  trigger: ReactNode;
  title: string;
  description: string;
  confirm: string;
  keep: string;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{keep}</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm}>{confirm}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/**
 * Pause, resume and cancel, each behind a confirmation and offered only where the plan's state
 * allows it. Rendered for operators only; the actions refuse everyone else anyway.
 */
export function PlanActions({ state, mutation }: { state: PlanState; mutation: Mutation }) {
  const busy = mutation.isPending;
  const can = (action: "pause" | "resume" | "cancel") => planTransition(state, action).ok;
  return (
    <div className="flex flex-wrap gap-2">
      {can("pause") ? (
        <Confirm
          trigger={
            <Button variant="outline" loading={busy}>
              <PauseIcon aria-hidden />
              Pause
            </Button>
          }
          title="Pause this plan?"
          description="The import running now finishes; no new chunk starts until the plan is resumed."
          confirm="Pause plan"
          keep="Keep running"
          onConfirm={() => mutation.mutate("pause")}
        />
      ) : null}
      {can("resume") ? (
        <Confirm
          trigger={
            <Button loading={busy}>
              <PlayIcon aria-hidden />
              Resume
            </Button>
          }
          title="Resume this plan?"
          description="The next pending chunk starts on the runner's next tick, when no other import runs in the store's account and Region."
          confirm="Resume plan"
          keep="Stay paused"
          onConfirm={() => mutation.mutate("resume")}
        />
      ) : null}
      {can("cancel") ? (
        <Confirm
          trigger={
            <Button variant="destructive" loading={busy}>
              <BanIcon aria-hidden />
              Cancel plan
            </Button>
          }
          title="Cancel this plan for good?"
          description="The running import is stopped on the next tick and no other chunk starts. Events already copied stay in the store. A cancelled plan can't be resumed."
          confirm="Cancel plan"
          keep="Keep the plan"
          onConfirm={() => mutation.mutate("cancel")}
        />
      ) : null}
    </div>
  );
}
