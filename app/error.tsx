"use client";

// An error in the signed-in shell's own layout (its session check, when the database is away) is caught one level
// up, here, still inside the root layout: the same localized page as app/(app)/error.tsx.
export { default } from "./(app)/error";
