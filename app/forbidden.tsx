import { ForbiddenMessage } from "@/components/forbidden-message";

/** Rendered with status 403 when requirePermission() finds the role too low. */
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <ForbiddenMessage />
    </main>
  );
}
