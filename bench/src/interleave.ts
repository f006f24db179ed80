/**
 * The order of contenders in round `round`: the list rotated by one each round (A B C D, B C D A, …),
 * so each contender runs first, last and in between equally often and drift on a shared machine
 * falls on all of them alike.
 */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
