import { redirect } from "next/navigation";

/** Most visits start with an error to explain, so the home page is the diagnose box. */
export default function Home() {
  redirect("/diagnose");
}
