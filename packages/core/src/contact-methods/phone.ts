/**
 * Phone numbers, through libphonenumber-js. Its metadata for every country is most of its size
 * (about 120 KB), so it is loaded on the first phone number a process sees, not at cold start:
 * the API's Lambda loads it only when someone adds a phone (functions/test/bundles.int.test.ts).
 */
const phoneLib = () => import('libphonenumber-js');

/** Whether `region` is a region a phone number may be typed for (ISO 3166-1 alpha-2, as telephone numbering uses them). */
export const isPhoneRegion = async (region: string): Promise<boolean> => (await phoneLib()).getCountries().includes(region as never);

/**
 * A phone number in E.164 (`+66812345678`), or undefined if it is not a valid number: typed in
 * full with its `+` and country code, or in national form with the region it belongs to.
 */
export const toE164 = async (number: string, region?: string): Promise<string | undefined> => {
  const { parsePhoneNumberFromString } = await phoneLib();
  const parsed = parsePhoneNumberFromString(number, region ? (region as Parameters<typeof parsePhoneNumberFromString>[1]) : undefined);
  return parsed?.isValid() ? parsed.number : undefined;
};
