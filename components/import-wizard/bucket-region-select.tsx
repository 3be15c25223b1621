"use client";

import type { Ref } from "react";
import { FieldControl } from "@/components/ui/field";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { AWS_REGIONS } from "@/lib/schemas/import";

/**
 * The bucket Region picker, for use inside a `Field` under a react-hook-form `Controller`: pass
 * the controller's `field` parts. Shared by the import wizard and the new-plan form's sources.
 */
export function BucketRegionSelect({
  value,
  name,
  onChange,
  onBlur,
  ref,
}: {
  value: string | undefined;
  name: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  ref: Ref<HTMLButtonElement>;
}) {
  return (
    <Select value={value || undefined} onValueChange={onChange} name={name}>
      <FieldControl>
        <SelectTrigger ref={ref} onBlur={onBlur} className="w-full max-w-md">
          <SelectValue placeholder="Choose the bucket's Region" />
        </SelectTrigger>
      </FieldControl>
      <SelectContent>
        {AWS_REGIONS.map((region) => (
          <SelectItem key={region.code} value={region.code}>
            {region.name} ({region.code})
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
