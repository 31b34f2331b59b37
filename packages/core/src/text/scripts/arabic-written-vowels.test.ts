import { describe, expect, it } from 'vitest';
import { arabicSkeletonWords, latinSkeletonWords } from './arabic-skeleton.js';
import { writtenVowelsAgree } from './arabic-written-vowels.js';

/** Whether the one word of `arabic` and the one word of `latin` share their skeleton and agree on what they write. */
function sameName(arabic: string, latin: string): boolean {
  const [a] = arabicSkeletonWords(arabic);
  const [l] = latinSkeletonWords(latin);
  expect(a.skeleton, `${arabic} and ${latin} share their consonants`).toBe(l.skeleton);
  return writtenVowelsAgree(a.gaps, l.gaps);
}

describe('what Arabic script writes between the consonants, against Latin spellings', () => {
  it.each([
    { why: 'و is a long u: Mahmud is not Muhammad', arabic: 'محمود', latin: 'Muhammad', same: false },
    { why: 'و is a long u: Mahmud in its spellings', arabic: 'محمود', latin: 'Mahmoud', same: true },
    { why: 'و in Mahmood', arabic: 'محمود', latin: 'Mahmood', same: true },
    { why: 'محمد writes no vowel, so Latin vowels are free', arabic: 'محمد', latin: 'Mohammed', same: true },
    { why: 'a Latin nisba i is written ي in Arabic: Mohammadi is not محمد', arabic: 'محمد', latin: 'Mohammadi', same: false },
    { why: 'ta marbuta is a final a or eh', arabic: 'فاطمة', latin: 'Fatemeh', same: true },
    { why: 'ta marbuta: Fatima', arabic: 'فاطمة', latin: 'Fatima', same: true },
    { why: 'ta marbuta needs a final vowel: a man named Fatim is not فاطمة', arabic: 'فاطمة', latin: 'Fatim', same: false },
    { why: "a woman's name with its long vowels is not the man's: سامية is not Sami", arabic: 'سامية', latin: 'Sami', same: false },
    { why: 'سامية is Samia', arabic: 'سامية', latin: 'Samia', same: true },
    { why: 'ا needs a vowel where it stands', arabic: 'ماجد', latin: 'Mjid', same: false },
    { why: 'ی inside a word: Hussein', arabic: 'حسين', latin: 'Hussein', same: true },
    { why: 'ی inside a word: Husayn', arabic: 'حسين', latin: 'Husayn', same: true },
    { why: 'ی inside a word is not an a: Hasan is not حسين', arabic: 'حسين', latin: 'Hasan', same: false },
    { why: 'a Latin diphthong is written in Arabic: Hussein is not حسن', arabic: 'حسن', latin: 'Hussein', same: false },
    { why: 'حسن in its spellings', arabic: 'حسن', latin: 'Hassan', same: true },
    { why: 'a Latin initial vowel is an alif or ayn in Arabic: Ehsan is not حسن', arabic: 'حسن', latin: 'Ehsan', same: false },
    { why: 'Ehsan is احسان', arabic: 'احسان', latin: 'Ehsan', same: true },
    { why: 'a Latin v is a و: Alavi is not علي', arabic: 'علي', latin: 'Alavi', same: false },
    { why: 'final ي: Ali', arabic: 'علي', latin: 'Ali', same: true },
    { why: 'Persian final ی is also ā: Musa', arabic: 'موسی', latin: 'Musa', same: true },
    { why: 'Persian و is v: Javad', arabic: 'جواد', latin: 'Javad', same: true },
    { why: 'Persian silent و of خوا: Khaja', arabic: 'خواجه', latin: 'Khaja', same: true },
    { why: 'the article glued on as a vowel: Essabar is الصبار', arabic: 'الصبار', latin: 'Essabar', same: true },
    { why: 'French ou is a short u as often as و: Mourad', arabic: 'مراد', latin: 'Mourad', same: true },
    { why: 'Maghreb e for ا: Hichem', arabic: 'هشام', latin: 'Hichem', same: true },
    { why: 'ئ and ع are written: Aisha', arabic: 'عائشة', latin: 'Aisha', same: true },
  ])('$why: $arabic ~ $latin is $same', ({ arabic, latin, same }) => expect(sameName(arabic, latin)).toBe(same));

  it('does not compare skeletons of other lengths gap by gap', () => {
    expect(writtenVowelsAgree(arabicSkeletonWords('محمود')[0].gaps, latinSkeletonWords('Hamid')[0].gaps)).toBe(true);
  });
});
