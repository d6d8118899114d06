/** Inspection dates as reports write them. */
import { describe, expect, it } from "vitest";
import { findDates, findRanges } from "../../src/text/dates.js";

describe("date ranges", () => {
  it.each([
    ["Inspection dates: 3rd–14th March 2014", "2014-03-03", "2014-03-14"],
    ["Dates of inspection: 24 February 2014 - 7 March 2014", "2014-02-24", "2014-03-07"],
    ["The inspection took place between 3 and 14 March 2014.", "2014-03-03", "2014-03-14"],
    ["Ofsted inspected the council from Monday 3 March to Friday 14 March 2014.", "2014-03-03", "2014-03-14"],
    ["Inspected: 03.03.2014 - 14.03.2014", "2014-03-03", "2014-03-14"],
    ["18/07/2022 – 22/07/2022", "2022-07-18", "2022-07-22"],
  ])("%s", (text, start, end) => {
    expect(findRanges(text)[0]).toMatchObject({ start, end });
  });

  it("reads numeric dates day first, with one separator, and not impossible ones", () => {
    expect(findDates("published 06.05.2011 and 7/5/2011").map((d) => d.iso)).toEqual(["2011-05-06", "2011-05-07"]);
    expect(findDates("version 31.02.2011 or 12/13/2011 or 1.2/2011")).toEqual([]);
  });
});
