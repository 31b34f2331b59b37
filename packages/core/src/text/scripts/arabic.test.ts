import { describe, expect, it } from 'vitest';
import { romanizeArabic, splitArabicCompounds } from './arabic.js';
import { arabicSkeleton, arabicSkeletonReadings, latinSkeleton } from './arabic-skeleton.js';

describe('romanizeArabic', () => {
  // Arabic and Latin forms from the UN list (2026-02-27): NAME_ORIGINAL_SCRIPT beside FIRST_NAME…FOURTH_NAME.
  const cases: Array<{ arabic: string; reading: string }> = [
    { arabic: 'صدام حسين التكريتي', reading: 'saddam hussein al-tikriti' },
    { arabic: 'عزت ابراهيم الدوري', reading: 'zt ibrahim al-duri' }, // IZZAT: ayn and the unwritten vowels are not read
    { arabic: 'عبد الله', reading: 'abd allah' },
    { arabic: 'عبدالحليم', reading: 'abd al-hlim' },
    { arabic: 'نورالدين', reading: 'nur al-din' },
    { arabic: 'طارق عزيز', reading: 'tariq aziz' },
    { arabic: 'أديب شعبـان العانــي', reading: 'adib shban al-ani' },
    { arabic: 'فؤاد', reading: 'fuad' },
    { arabic: 'وليد', reading: 'walid' },
    { arabic: 'عامر علی چوہدری', reading: 'amir ali chuhdri' },
    { arabic: 'مُحَمَّد', reading: 'muhammad' },
  ];
  it.each(cases)('$arabic → $reading', ({ arabic, reading }) => {
    expect(romanizeArabic(arabic)).toBe(reading);
  });

  it('splits compounds written as one word', () => {
    expect(splitArabicCompounds('عبدالله')).toEqual(['عبد', 'الله']);
    expect(splitArabicCompounds('أبواليزيد')).toEqual(['أبو', 'اليزيد']);
    expect(splitArabicCompounds('عتیقالله')).toEqual(['عتیق', 'الله']);
    expect(splitArabicCompounds('عبده')).toEqual(['عبده']);
  });
});

describe('consonant skeletons', () => {
  const groups: Array<{ why: string; arabic: string; latin: string[]; skeleton: string }> = [
    {
      why: 'short vowels and doubling do not count',
      arabic: 'محمد',
      latin: ['Muhammad', 'Mohammed', 'Mohamad', 'Mouhamed'],
      skeleton: 'mhmd',
    },
    {
      why: 'abd compounds split as Arabic writes them',
      arabic: 'عبد الله',
      latin: ['Abdullah', 'Abd Allah', 'Abdallah', 'Abdulla', 'Abd-Allah'],
      skeleton: 'bd l',
    },
    { why: 'q and k are one class', arabic: 'قاسم', latin: ['Qasim', 'Kassem', 'Kasim', 'Qassem'], skeleton: 'ksm' },
    {
      why: 'the article and y/ei/ay vowels drop',
      arabic: 'الحسين',
      latin: ['al-Hussein', 'Husayn', 'El Husein', 'Hussain'],
      skeleton: 'hsn',
    },
    {
      why: 'assimilated articles and Abdur/Abdel',
      arabic: 'عبد الرحمن',
      latin: ['Abdurrahman', 'Abdul Rahman', 'Abdel-Rahman', 'Abdirahman', 'Abd ar-Rahman'],
      skeleton: 'bd rhmn',
    },
    { why: 'ظ is th, z, dh or d', arabic: 'كاظم', latin: ['Kathim', 'Kazim', 'Kadhim', 'Kadim'], skeleton: 'kdm' },
    { why: 'kh and h are one class; final h drops', arabic: 'صالح', latin: ['Salih', 'Saleh', 'Salah'], skeleton: 'sl' },
    { why: 'initial y is kept, ou and oo are vowels', arabic: 'يوسف', latin: ['Yusuf', 'Youssef', 'Yousef', 'Yoosuf'], skeleton: 'ysf' },
    {
      why: 'glued allah and din endings (UN: HIDAYATULLAH, JALALUDDIN)',
      arabic: 'هدايت الله جلال الدين',
      latin: ['Hidayatullah Jalaluddin', 'Hedayat Allah Jalal al-Din', 'Hidayatallah Jalaleddine'],
      skeleton: 'hdt l gll dn',
    },
    { why: 'Egyptian g and French ch', arabic: 'جمال شريف', latin: ['Gamal Cherif', 'Jamal Sharif', 'Djamel Chérif'], skeleton: 'gml xrf' },
    { why: 'Mauritanian Ould is ولد', arabic: 'ولد', latin: ['Ould', 'Walad'], skeleton: 'wld' },
    { why: 'Abu glued or apart', arabic: 'أبو بكر', latin: ['Abubakar', 'Abu Bakr', 'Abou Bakr'], skeleton: 'b bkr' },
    {
      why: 'wa-, bi-, li- glued to the article are words of their own (UN: AL-MUWAQQI’UN BIL-DIMA)',
      arabic: 'الموقعون بالدم والشام للمسلمين',
      latin: ["Al-Muwaqqi'un bil-Dima wal-Sham lil-Muslimin", 'al-Muwaqiun bi al-Dima wa al-Sham li al-Muslimin'],
      skeleton: 'mkn b dm w xm l mslmn',
    },
    { why: 'but Wali is a name', arabic: 'والي', latin: ['Wali'], skeleton: 'wl' },
  ];
  it.each(groups)('$why: $arabic', ({ arabic, latin, skeleton }) => {
    expect(arabicSkeleton(arabic)).toBe(skeleton);
    for (const spelling of latin) expect([spelling, latinSkeleton(spelling)]).toEqual([spelling, skeleton]);
  });

  it('reads ث as s in a second skeleton, as Persian and Urdu say it (UN: NOOR MOHAMMAD SAQIB, GHIASSOUDDINE)', () => {
    expect(arabicSkeletonReadings('نور محمد ثاقب')).toEqual(['nr mhmd dkb', 'nr mhmd skb']);
    expect(arabicSkeletonReadings('نور محمد ثاقب')[1]).toBe(latinSkeleton('Noor Mohammad Saqib'));
    expect(arabicSkeletonReadings('عثمان')).toEqual([latinSkeleton('Uthman'), latinSkeleton('Osman')]);
    expect(arabicSkeletonReadings('محمد')).toEqual(['mhmd']);
  });

  it('reads ta marbuta before another word as t in a second skeleton, the construct state (UN: ASBAT AL-ANSAR)', () => {
    expect(arabicSkeletonReadings('عصبة الأنصار')).toEqual(['sb nsr', latinSkeleton('Asbat al-Ansar')]);
    expect(arabicSkeletonReadings('جماعة أنصار السنة')[1]).toBe(latinSkeleton('Jamaat Ansar al-Sunna'));
    // The name's last word keeps its silent ة: one reading.
    expect(arabicSkeletonReadings('حمزة')).toEqual([latinSkeleton('Hamza')]);
    expect(arabicSkeletonReadings('فاطمة')).toHaveLength(1);
  });

  it('reads two letters that a Latin digraph writes as one consonant in another skeleton (UN: MOHAMED LAKHAL)', () => {
    expect(arabicSkeletonReadings('محمد لكحل')).toContain(latinSkeleton('Mohamed Lakhal'));
    expect(arabicSkeletonReadings('فتحي')).toContain(latinSkeleton('Fathi'));
    expect(arabicSkeletonReadings('فتحي')[0]).toBe(latinSkeleton('Fatihi')); // t and h apart is still the first
    expect(arabicSkeletonReadings('أحمد')).toEqual([latinSkeleton('Ahmad')]); // no such pair: one reading
  });

  it('keeps different names apart', () => {
    expect(latinSkeleton('Jamal')).not.toBe(latinSkeleton('Kamal'));
    expect(latinSkeleton('Hamid')).not.toBe(latinSkeleton('Majid'));
    expect(arabicSkeleton('علي')).not.toBe(arabicSkeleton('عمر'));
  });
});
