import { ForbiddenMessage } from "@/components/forbidden-message";

/** The 403 page inside the signed-in shell (the layout already provides the header and <main>). */
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl py-10">
      <ForbiddenMessage />
    </div>
  );
}
