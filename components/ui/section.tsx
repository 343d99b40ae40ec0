import type { ComponentProps, ReactNode } from "react";

/** A region of a page named by its h2 (aria-labelledby `id`, the heading's id), as screen readers list regions. */
export function Section({
  id,
  heading,
  headingClassName = "text-lg font-semibold text-slate-900",
  children,
  ...props
}: { id: string; heading: ReactNode; headingClassName?: string } & Omit<ComponentProps<"section">, "id">) {
  return (
    <section aria-labelledby={id} {...props}>
      <h2 id={id} className={headingClassName}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
