import { CodeBlock } from "@/components/ui/code-block";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** The AWS CLI commands that do what this page shows, for scripts and the terminal-minded. */
export function ImportCli({ importId, region }: { importId: string; region: string }) {
  const base = `--import-id ${importId} --region ${region}`;
  const commands = [
    { label: "Get the import", code: `aws cloudtrail get-import ${base}` },
    { label: "List its failures", code: `aws cloudtrail list-import-failures ${base}` },
    {
      label: "Stop it (while initializing or in progress)",
      code: `aws cloudtrail stop-import ${base}`,
    },
    { label: "Retry it (when failed or stopped)", code: `aws cloudtrail start-import ${base}` },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2 className="text-lg">Equivalent AWS CLI commands</h2>
        </CardTitle>
        <CardDescription>A retry is start-import with only the import ID.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {commands.map((command) => (
          <div key={command.label} className="flex flex-col gap-1">
            <h3 className="text-sm font-medium">{command.label}</h3>
            <CodeBlock code={command.code} label={`CLI: ${command.label}`} />
          </div>
        ))}
      </CardContent>
    </Card>
  );
}
