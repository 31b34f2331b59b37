/**
 * @module text/scripts/arabic-names
 * Latin spellings of the words Arabic personal names are most often made of, as the UN and OFAC lists
 * usually spell them. Arabic script leaves short vowels unwritten, so letter-by-letter reading gives
 * 'mhmd' for محمد; for these words we give the full form instead. Keys are written without hamza seats,
 * with ى as ي and ة as ه (see `arabicLookupKey`), and without the article ال.
 */
export const COMMON_ARABIC_NAME_WORDS: ReadonlyMap<string, string> = new Map([
  ['محمد', 'muhammad'], ['احمد', 'ahmad'], ['محمود', 'mahmud'], ['مصطفي', 'mustafa'], ['علي', 'ali'],
  ['عمر', 'umar'], ['عثمان', 'uthman'], ['حسن', 'hasan'], ['حسين', 'hussein'], ['ابراهيم', 'ibrahim'],
  ['اسماعيل', 'ismail'], ['يوسف', 'yusuf'], ['يونس', 'yunis'], ['عبد', 'abd'], ['الله', 'allah'],
  ['عبدالله', 'abdullah'], ['رحمن', 'rahman'], ['رحيم', 'rahim'], ['عزيز', 'aziz'], ['خالد', 'khalid'],
  ['سعيد', 'said'], ['سعد', 'saad'], ['صالح', 'salih'], ['سليمان', 'sulayman'], ['سلطان', 'sultan'],
  ['صدام', 'saddam'], ['جمال', 'jamal'], ['كمال', 'kamal'], ['ناصر', 'nasir'], ['منصور', 'mansur'],
  ['فيصل', 'faisal'], ['طارق', 'tariq'], ['عادل', 'adil'], ['عامر', 'amir'], ['امير', 'amir'], ['بن', 'bin'],
  ['ابن', 'ibn'], ['ابو', 'abu'], ['بنت', 'bint'], ['ام', 'umm'], ['قاسم', 'qasim'], ['جابر', 'jabir'],
  ['حمزه', 'hamza'], ['حامد', 'hamid'], ['حميد', 'hamid'], ['مجيد', 'majid'], ['رشيد', 'rashid'], ['زيد', 'zayd'],
  ['زين', 'zayn'], ['دين', 'din'], ['نور', 'nur'], ['فاطمه', 'fatima'], ['عايشه', 'aisha'], ['خديجه', 'khadija'],
  ['مريم', 'maryam'], ['زينب', 'zaynab'], ['يحيي', 'yahya'], ['موسي', 'musa'], ['عيسي', 'isa'], ['هادي', 'hadi'],
  ['مهدي', 'mahdi'], ['جعفر', 'jafar'], ['باقر', 'baqir'], ['كاظم', 'kazim'], ['رضا', 'rida'], ['قادر', 'qadir'],
  ['غفور', 'ghafur'], ['ستار', 'sattar'], ['جبار', 'jabbar'], ['لطيف', 'latif'], ['كريم', 'karim'],
  ['حكيم', 'hakim'], ['وليد', 'walid'], ['خليل', 'khalil'], ['ياسر', 'yasir'], ['ياسين', 'yasin'],
  ['اسامه', 'usama'], ['انور', 'anwar'], ['ايمن', 'ayman'], ['حافظ', 'hafiz'], ['حبيب', 'habib'],
  ['شريف', 'sharif'], ['مختار', 'mukhtar'], ['عبيد', 'ubaid'], ['عبيدي', 'ubaidi'], ['تكريتي', 'tikriti'],
  ['سلام', 'salam'], ['سالم', 'salim'], ['سليم', 'salim'], ['هاشم', 'hashim'], ['حمد', 'hamad'],
  ['حماد', 'hammad'], ['مالك', 'malik'], ['نبيل', 'nabil'], ['بكر', 'bakr'], ['جلال', 'jalal'],
  ['اكرم', 'akram'], ['ادريس', 'idris'], ['شاه', 'shah'], ['خان', 'khan'], ['ملا', 'mullah'], ['حاجي', 'haji'],
  ['اختر', 'akhtar'], ['حقاني', 'haqqani'], ['ظواهري', 'zawahiri'], ['قاعده', 'qaida'], ['اسلام', 'islam'],
  ['اسلامي', 'islami'], ['اسلاميه', 'islamiya'], ['جهاد', 'jihad'], ['انصار', 'ansar'], ['شريعه', 'sharia'],
  ['جماعه', 'jamaa'], ['دوله', 'dawla'], ['عراق', 'iraq'], ['شام', 'sham'],
]);
