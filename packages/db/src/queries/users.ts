import { eq } from "drizzle-orm";
import type { Database } from "../database";
import { users } from "../schema";
import { isUuid } from "./ids";

/** A user's public profile (never credentials). */
export interface UserProfile {
  id: string;
  email: string;
  name: string;
}

/** The profile of `userId`, or `undefined` when there is none. For `auth.me` and API-key principals. */
export async function getUserProfile(
  db: Database,
  params: { userId: string },
): Promise<UserProfile | undefined> {
  if (!isUuid(params.userId)) return undefined;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, params.userId))
    .limit(1);
  return row;
}
