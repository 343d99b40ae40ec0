import { getAuth } from "@/app/_lib/auth";
import { withJsonErrors } from "@/app/_lib/route-handler";

export const dynamic = "force-dynamic";

const handle = withJsonErrors(async (request: Request) => (await getAuth()).handler(request));

export { handle as GET, handle as POST };
