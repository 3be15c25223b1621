"use client";

import { Slot } from "radix-ui";
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useState,
  type ComponentProps,
} from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type FieldContextValue = {
  controlId: string;
  descriptionId: string;
  errorId: string;
  invalid: boolean;
  disabled: boolean;
  hasDescription: boolean;
  registerDescription: () => () => void;
};

const FieldContext = createContext<FieldContextValue | null>(null);

/** The ids and state of the enclosing `Field`; throws when used outside one. */
export function useField(): FieldContextValue {
  const context = use(FieldContext);
  if (!context) throw new Error("Field parts must be rendered inside <Field>.");
  return context;
}

/**
 * The ARIA props a field's control needs: its `id` (so `FieldLabel` points at it),
 * `aria-describedby` (description, plus the error while invalid), `aria-invalid` and `disabled`.
 */
export function useFieldControlProps() {
  const { controlId, descriptionId, errorId, invalid, disabled, hasDescription } = useField();
  const describedBy = [hasDescription ? descriptionId : null, invalid ? errorId : null]
    .filter(Boolean)
    .join(" ");
  return {
    id: controlId,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": invalid || undefined,
    disabled: disabled || undefined,
  };
}

type FieldProps = ComponentProps<"div"> & {
  /** Marks the control `aria-invalid` and links the error text to it. */
  invalid?: boolean;
  /** Dims the field and disables the control inside `FieldControl`. */
  disabled?: boolean;
  /** Id for the control; defaults to a generated one. Useful when tests or links target it. */
  controlId?: string;
  orientation?: "vertical" | "horizontal";
};

/**
 * Groups a label, a control (wrapped in `FieldControl`), a description and an error, and wires
 * their ids together. The description is linked after hydration, once it has registered.
 */
export function Field({
  invalid = false,
  disabled = false,
  controlId,
  orientation = "vertical",
  className,
  ...props
}: FieldProps) {
  const generatedId = useId();
  const baseId = controlId ?? generatedId;
  const [descriptionCount, setDescriptionCount] = useState(0);
  const registerDescription = useCallback(() => {
    setDescriptionCount((count) => count + 1);
    return () => setDescriptionCount((count) => count - 1);
  }, []);
  const value = useMemo<FieldContextValue>(
    () => ({
      controlId: baseId,
      descriptionId: `${baseId}-description`,
      errorId: `${baseId}-error`,
      invalid,
      disabled,
      hasDescription: descriptionCount > 0,
      registerDescription,
    }),
    [baseId, invalid, disabled, descriptionCount, registerDescription],
  );

  return (
    <FieldContext value={value}>
      <div
        role="group"
        data-slot="field"
        data-orientation={orientation}
        data-invalid={invalid || undefined}
        data-disabled={disabled || undefined}
        className={cn(
          "group/field flex w-full gap-2",
          orientation === "vertical" ? "flex-col" : "flex-row items-center",
          "data-invalid:text-destructive",
          className,
        )}
        {...props}
      />
    </FieldContext>
  );
}

/** A label that points at the field's control. */
export function FieldLabel({ className, ...props }: ComponentProps<typeof Label>) {
  const { controlId } = useField();
  return (
    <Label
      data-slot="field-label"
      htmlFor={controlId}
      className={cn("group-data-disabled/field:opacity-50", className)}
      {...props}
    />
  );
}

/** Wraps the single control element (`Input`, `Textarea`, `SelectTrigger`, …) and gives it the field's ARIA props. */
export function FieldControl(props: ComponentProps<typeof Slot.Root>) {
  const controlProps = useFieldControlProps();
  // No data-slot here: it would replace the control's own (`input`, `select-trigger`, …).
  return <Slot.Root {...controlProps} {...props} />;
}

/** Help text that the control's `aria-describedby` refers to. */
export function FieldDescription({ className, ...props }: ComponentProps<"p">) {
  const { descriptionId, registerDescription } = useField();
  useEffect(registerDescription, [registerDescription]);
  return (
    <p
      id={descriptionId}
      data-slot="field-description"
      className={cn("text-muted-foreground text-sm", className)}
      {...props}
    />
  );
}

type FieldErrorProps = ComponentProps<"div"> & {
  /** Errors in react-hook-form's shape; duplicates are shown once. `children` wins when given. */
  errors?: ReadonlyArray<{ message?: string } | undefined>;
};

/**
 * The field's error text. It always renders, visually collapsed while empty, because a live
 * region must already be in the accessibility tree for screen readers to announce new text.
 */
export function FieldError({ errors, children, className, ...props }: FieldErrorProps) {
  const { errorId } = useField();
  const messages = [
    ...new Set(errors?.map((error) => error?.message).filter((m): m is string => Boolean(m))),
  ];
  let content = children;
  if (content === undefined && messages.length === 1) content = messages[0];
  if (content === undefined && messages.length > 1) {
    content = (
      <ul className="ml-4 list-disc">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    );
  }
  return (
    <div
      id={errorId}
      data-slot="field-error"
      aria-live="polite"
      className={cn("text-destructive text-sm font-normal empty:sr-only", className)}
      {...props}
    >
      {content}
    </div>
  );
}
