import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/** A one-card explanation inside the sign-in popup. */
export function PopupMessage({
  title,
  body,
  children,
}: {
  title: string;
  body: string;
  children?: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h1 className="text-xl">{title}</h1>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <p role="status">{body}</p>
        {children}
      </CardContent>
    </Card>
  );
}
