/**
 * The errors "Prepare for sharing" and "Restore live functions" refuse a workbook with, and their
 * texts in both languages (the Office.js path, src/workbook/office-share.ts, shows the same texts).
 */
import { L, type Localized } from "../core/lang";

export class ShareError extends Error {
  constructor(
    readonly code: "alreadyPrepared" | "notPrepared" | "badRecord",
    readonly text: Localized,
  ) {
    super(text["en-US"]);
    this.name = "ShareError";
  }
}

export const SHARE_ERROR_TEXT = {
  alreadyPrepared: L(
    "此工作簿已做共享准备；请先恢复实时函数。",
    "This workbook is already prepared for sharing; restore live functions first.",
  ),
  notPrepared: L(
    "此工作簿未做共享准备，没有可恢复的内容。",
    "This workbook was not prepared for sharing: there is nothing to restore.",
  ),
} as const;

/** A record that fails validation: restore writes nothing and says why. */
export const badRecordText = (why: string): Localized =>
  L(
    `工作簿中的共享记录无效（${why}），未做任何修改。`,
    `The share record in this workbook is not valid (${why}); nothing was changed.`,
  );

export const badRecord = (why: string): ShareError => new ShareError("badRecord", badRecordText(why));
