/**
 * Words of the jobseeker's page in the five languages; everything the kiosk already says (consent,
 * countries, pay, housing…) comes from the kiosk dictionary, so both faces speak the same way.
 */
import { Entry, Lang, format } from './catalogue';
import { DICTIONARY as KIOSK, MessageKey as KioskKey } from './kiosk';

export type MigrantLang = Lang;

export const OWN = {
  pageTitle: {
    ru: 'Работа — вакансии для мигрантов',
    uz: 'Ish — migrantlar uchun boʻsh ish oʻrinlari',
    tg: 'Кор — ҷойҳои корӣ барои муҳоҷирон',
    ky: 'Жумуш — мигранттар үчүн бош орундар',
    en: 'Work — jobs for migrant workers',
  },
  language: { ru: 'Язык', uz: 'Til', tg: 'Забон', ky: 'Тил', en: 'Language' },
  loginTitle: { ru: 'Вход', uz: 'Kirish', tg: 'Воридшавӣ', ky: 'Кирүү', en: 'Sign in' },
  signIn: { ru: 'Войти', uz: 'Kirish', tg: 'Ворид шудан', ky: 'Кирүү', en: 'Sign in' },
  logout: { ru: 'Выйти', uz: 'Chiqish', tg: 'Баромадан', ky: 'Чыгуу', en: 'Sign out' },
  password: { ru: 'Пароль', uz: 'Parol', tg: 'Рамз', ky: 'Сырсөз', en: 'Password' },
  passwordNew: {
    ru: 'Придумайте пароль (не короче 8 символов)',
    uz: 'Parol oʻylab toping (kamida 8 belgi)',
    tg: 'Рамз гузоред (на камтар аз 8 аломат)',
    ky: 'Сырсөз ойлоп табыңыз (8 белгиден кем эмес)',
    en: 'Choose a password (at least 8 characters)',
  },
  codeInstead: {
    ru: 'Или код доступа из киоска',
    uz: 'Yoki kioskdan olingan kirish kodi',
    tg: 'Ё рамзи дастрасӣ аз киоск',
    ky: 'Же киосктон алынган кирүү коду',
    en: 'Or the access code from the kiosk',
  },
  registerTitle: {
    ru: 'Регистрация',
    uz: 'Roʻyxatdan oʻtish',
    tg: 'Бақайдгирӣ',
    ky: 'Катталуу',
    en: 'Register',
  },
  registerSubmit: {
    ru: 'Зарегистрироваться',
    uz: 'Roʻyxatdan oʻtish',
    tg: 'Ба қайд гирифтан',
    ky: 'Катталуу',
    en: 'Register',
  },
  noAccount: {
    ru: 'Впервые здесь?',
    uz: 'Birinchi marta keldingizmi?',
    tg: 'Бори аввал ҳастед?',
    ky: 'Биринчи жолубу?',
    en: 'New here?',
  },
  haveAccount: {
    ru: 'Уже зарегистрированы?',
    uz: 'Roʻyxatdan oʻtganmisiz?',
    tg: 'Аллакай ба қайд гирифта шудаед?',
    ky: 'Катталгансызбы?',
    en: 'Already registered?',
  },
  consentData: {
    ru: 'Я согласен(на) на обработку моих данных',
    uz: 'Maʼlumotlarimni qayta ishlashga roziman',
    tg: 'Ба коркарди маълумоти ман розӣ ҳастам',
    ky: 'Маалыматтарымды иштетүүгө макулмун',
    en: 'I agree to the processing of my data',
  },
  tabMatches: {
    ru: 'Подходящие вакансии',
    uz: 'Mos boʻsh ish oʻrinlari',
    tg: 'Ҷойҳои кории мувофиқ',
    ky: 'Ылайыктуу бош орундар',
    en: 'Jobs for me',
  },
  tabApplications: {
    ru: 'Мои заявки',
    uz: 'Arizalarim',
    tg: 'Аризаҳои ман',
    ky: 'Менин арыздарым',
    en: 'My applications',
  },
  tabProfile: {
    ru: 'Мои данные',
    uz: 'Maʼlumotlarim',
    tg: 'Маълумоти ман',
    ky: 'Менин маалыматым',
    en: 'My data',
  },
  sections: { ru: 'Разделы', uz: 'Boʻlimlar', tg: 'Бахшҳо', ky: 'Бөлүмдөр', en: 'Sections' },
  loading: { ru: 'Загрузка…', uz: 'Yuklanmoqda…', tg: 'Боргирӣ…', ky: 'Жүктөлүүдө…', en: 'Loading…' },
  noMatches: {
    ru: 'Подходящих вакансий пока нет. Загляните позже.',
    uz: 'Hozircha mos boʻsh ish oʻrinlari yoʻq. Keyinroq qarang.',
    tg: 'Ҳоло ҷойҳои кории мувофиқ нест. Баъдтар нигоҳ кунед.',
    ky: 'Азырынча ылайыктуу бош орундар жок. Кийинчерээк караңыз.',
    en: 'No matching jobs yet. Please look again later.',
  },
  apply: { ru: 'Откликнуться', uz: 'Ariza berish', tg: 'Ариза додан', ky: 'Арыз берүү', en: 'Apply' },
  applied: {
    ru: 'Заявка отправлена',
    uz: 'Ariza yuborildi',
    tg: 'Ариза фиристода шуд',
    ky: 'Арыз жөнөтүлдү',
    en: 'Application sent',
  },
  employer: { ru: 'Работодатель', uz: 'Ish beruvchi', tg: 'Корфармо', ky: 'Иш берүүчү', en: 'Employer' },
  start: { ru: 'Начало', uz: 'Boshlanishi', tg: 'Оғоз', ky: 'Башталышы', en: 'Start' },
  eligible: {
    ru: 'Вы можете работать',
    uz: 'Siz ishlashingiz mumkin',
    tg: 'Шумо метавонед кор кунед',
    ky: 'Сиз иштей аласыз',
    en: 'You may work here',
  },
  conditional: {
    ru: 'Нужны документы',
    uz: 'Hujjatlar kerak',
    tg: 'Ҳуҷҷатҳо лозиманд',
    ky: 'Документтер керек',
    en: 'Documents needed',
  },
  ineligible: {
    ru: 'Нельзя по закону',
    uz: 'Qonunga koʻra mumkin emas',
    tg: 'Тибқи қонун мумкин нест',
    ky: 'Мыйзам боюнча болбойт',
    en: 'Not allowed by law',
  },
  noApplications: {
    ru: 'Заявок пока нет.',
    uz: 'Hozircha arizalar yoʻq.',
    tg: 'Ҳоло ариза нест.',
    ky: 'Азырынча арыздар жок.',
    en: 'No applications yet.',
  },
  interview: { ru: 'Собеседование', uz: 'Suhbat', tg: 'Мусоҳиба', ky: 'Маек', en: 'Interview' },
  withdraw: {
    ru: 'Отозвать заявку',
    uz: 'Arizani qaytarib olish',
    tg: 'Аризаро бозпас гирифтан',
    ky: 'Арызды кайтарып алуу',
    en: 'Withdraw',
  },
  st_submitted: { ru: 'отправлена', uz: 'yuborilgan', tg: 'фиристода шуд', ky: 'жөнөтүлдү', en: 'sent' },
  st_shortlisted: {
    ru: 'вас рассматривают',
    uz: 'koʻrib chiqilmoqda',
    tg: 'баррасӣ мешавад',
    ky: 'каралууда',
    en: 'being considered',
  },
  st_interview_scheduled: {
    ru: 'назначено собеседование',
    uz: 'suhbat belgilandi',
    tg: 'мусоҳиба таъин шуд',
    ky: 'маек дайындалды',
    en: 'interview booked',
  },
  st_interviewed: {
    ru: 'собеседование пройдено',
    uz: 'suhbatdan oʻtildi',
    tg: 'мусоҳиба гузашт',
    ky: 'маек өттү',
    en: 'interviewed',
  },
  st_offered: {
    ru: 'вам предлагают работу',
    uz: 'sizga ish taklif qilindi',
    tg: 'ба шумо кор пешниҳод шуд',
    ky: 'сизге жумуш сунушталды',
    en: 'job offered',
  },
  st_hired: {
    ru: 'вы приняты',
    uz: 'ishga qabul qilindingiz',
    tg: 'шумо қабул шудед',
    ky: 'кабыл алындыңыз',
    en: 'hired',
  },
  st_rejected: { ru: 'отказ', uz: 'rad etildi', tg: 'рад шуд', ky: 'баш тартылды', en: 'not selected' },
  st_withdrawn: {
    ru: 'отозвана',
    uz: 'qaytarib olindi',
    tg: 'бозпас гирифта шуд',
    ky: 'кайтарылды',
    en: 'withdrawn',
  },
  consentGiven: {
    ru: 'Согласие на обработку данных дано {date}.',
    uz: 'Maʼlumotlarni qayta ishlashga rozilik {date} berilgan.',
    tg: 'Розигӣ ба коркарди маълумот {date} дода шуд.',
    ky: 'Маалыматтарды иштетүүгө макулдук {date} берилген.',
    en: 'Consent to data processing given on {date}.',
  },
  eraseTitle: {
    ru: 'Отозвать согласие и удалить мои данные',
    uz: 'Roziligimni qaytarib olish va maʼlumotlarimni oʻchirish',
    tg: 'Розигиро бозпас гирифтан ва маълумоти маро нест кардан',
    ky: 'Макулдукту кайтарып алуу жана маалыматымды өчүрүү',
    en: 'Withdraw consent and erase my data',
  },
  eraseText: {
    ru: 'Имя, телефон и документы будут удалены без возможности восстановления, заявки будут отозваны.',
    uz: 'Ism, telefon va hujjatlar butunlay oʻchiriladi, arizalar qaytarib olinadi.',
    tg: 'Ном, телефон ва ҳуҷҷатҳо бебозгашт нест карда мешаванд, аризаҳо бозпас гирифта мешаванд.',
    ky: 'Аты, телефону жана документтер биротоло өчүрүлөт, арыздар кайтарылат.',
    en: 'Your name, phone and documents are erased for good and your applications withdrawn.',
  },
  eraseConfirm: {
    ru: 'Удалить ваши данные навсегда?',
    uz: 'Maʼlumotlaringiz butunlay oʻchirilsinmi?',
    tg: 'Маълумоти шумо то абад нест карда шавад?',
    ky: 'Маалыматыңыз биротоло өчүрүлсүнбү?',
    en: 'Erase your data for good?',
  },
  erased: {
    ru: 'Ваши данные удалены.',
    uz: 'Maʼlumotlaringiz oʻchirildi.',
    tg: 'Маълумоти шумо нест карда шуд.',
    ky: 'Маалыматыңыз өчүрүлдү.',
    en: 'Your data has been erased.',
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof OWN | KioskKey;

export function t(lang: MigrantLang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const entry: Entry = key in OWN ? OWN[key as keyof typeof OWN] : KIOSK[key as KioskKey];
  return format(entry, lang, params);
}
