/** The message under a form field that main or the form itself refused. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert" data-testid={`error-${id}`}>
      {message}
    </p>
  );
}

/** The error text of a whole form (one not tied to a field). */
export function FormError({ message, testId }: { message: string | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
