import { LocaleTemplates } from '../template.types';

// Uzbek in Latin script with oʻ, gʻ (U+02BB) and the tutuq belgisi ʼ (U+02BC); SMS use the ASCII apostrophe
// instead so that they stay in the GSM-7 alphabet (160 characters per part).
export const uz: LocaleTemplates = {
  application_received: {
    subject: 'Arizangiz qabul qilindi: {{vacancyTitle}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      '«{{vacancyTitle}}» vakansiyasiga ({{employerName}}) arizangiz qabul qilindi. Ish beruvchi uni koʻrib chiqadi va sizni suhbatga taklif qilishi mumkin. Taklif SMS yoki elektron pochta orqali keladi.',
      'Ariza berish bepul. Ish uchun hech kimga pul toʻlamang: na ish beruvchiga, na vositachilarga.',
      'Savollar va bepul huquqiy yordam: {{hotline}}.',
    ],
    sms: 'Arizangiz qabul qilindi: "{{vacancyTitle}}". Ish uchun hech kimga pul to\'lamang. Yordam: {{hotline}}',
  },
  new_application: {
    subject: 'Yangi ariza: {{vacancyTitle}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      '«{{vacancyTitle}}» vakansiyangizga yangi ariza keldi.\nNomzod: {{candidateName}}',
      'Nomzod oʻz maʼlumotlarini ish beruvchilarga koʻrsatishga rozilik bergan. Ulardan faqat ishga olish uchun foydalaning.',
      'Arizani ochish va nomzodni suhbatga taklif qilish: {{applicationUrl}}',
    ],
    sms: 'Yangi ariza: "{{vacancyTitle}}", {{candidateName}}. {{applicationUrl}}',
  },
  interview_invitation: {
    subject: 'Suhbatga taklif: {{vacancyTitle}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      '{{employerName}} sizni «{{vacancyTitle}}» vakansiyasi boʻyicha suhbatga taklif qiladi.',
      'Qachon: {{startsAt}}\nQayerda: {{location}}',
      'Pasportingizni va boshqa hujjatlaringizni (migratsiya kartasi, agar boʻlsa, patent) olib keling. Hujjatlarni koʻrsatishingiz mumkin, lekin ularni bermang: ish beruvchi ularni oʻzida saqlab qolishga haqli emas.',
      'Tasdiqlash yoki rad etish: {{interviewUrl}}',
      'Suhbat bepul. Sizdan pul soʻrashsa, xabar bering: {{hotline}}.',
    ],
    sms: 'Suhbat {{startsAt}}, {{location}}: "{{vacancyTitle}}". Javob: {{interviewUrl}}',
  },
  interview_rescheduled: {
    subject: 'Suhbat vaqti oʻzgardi: {{vacancyTitle}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      '«{{vacancyTitle}}» vakansiyasi boʻyicha suhbat ({{employerName}}) boshqa vaqtga koʻchirildi.',
      'Yangi vaqt: {{startsAt}}\nQayerda: {{location}}',
      'Agar yangi vaqt sizga toʻgʻri kelmasa, shu yerda javob bering: {{interviewUrl}}',
    ],
    sms: 'Suhbat vaqti o\'zgardi: "{{vacancyTitle}}". Yangi vaqt: {{startsAt}}, {{location}}. {{interviewUrl}}',
  },
  interview_cancelled: {
    subject: 'Suhbat bekor qilindi: {{vacancyTitle}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      '«{{vacancyTitle}}» vakansiyasi boʻyicha suhbat ({{employerName}}) bekor qilindi.\nBelgilangan vaqt: {{startsAt}}',
      'Yarmarkadagi kioskda yoki saytda boshqa vakansiyalarga ariza berishingiz mumkin.',
    ],
    sms: '"{{vacancyTitle}}" bo\'yicha suhbat ({{startsAt}}) bekor qilindi.',
  },
  interview_reminder_migrant: {
    subject: 'Eslatma: suhbat {{startsAt}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      '«{{vacancyTitle}}» vakansiyasi boʻyicha suhbatni ({{employerName}}) eslatib oʻtamiz.',
      'Qachon: {{startsAt}}\nQayerda: {{location}}',
      'Pasportingizni olib keling. Kela olmasangiz, xabar bering: {{interviewUrl}}',
    ],
    sms: 'Eslatma: suhbat {{startsAt}}, {{location}}. Pasportingizni olib keling.',
  },
  interview_reminder_employer: {
    subject: 'Eslatma: suhbat {{startsAt}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      '«{{vacancyTitle}}» vakansiyangiz boʻyicha suhbatni eslatib oʻtamiz.\nNomzod: {{candidateName}}',
      'Qachon: {{startsAt}}\nQayerda: {{location}}',
      'Vaqtini oʻzgartirish yoki bekor qilish: {{interviewUrl}}',
    ],
    sms: 'Suhbat {{startsAt}}: {{candidateName}}, "{{vacancyTitle}}". {{interviewUrl}}',
  },
  offer: {
    subject: 'Ish taklifi: {{vacancyTitle}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      '{{employerName}} sizga ish taklif qilmoqda: «{{vacancyTitle}}». Shartlar: {{offerUrl}}',
      'Rozi boʻlishdan oldin ish haqi, ish vaqti, turar joy va ushlab qolinadigan summalar vakansiyadagidek ekanini tekshiring. Mehnat shartnomasi yozma tuziladi, uning bir nusxasi sizda qoladi.',
      'Sizning huquqlaringiz:',
      '• Ishga olish xarajatlarini ish beruvchi toʻlaydi. Ish, hujjatlar, yoʻl, oʻqish yoki tibbiy koʻrik uchun hech kimga pul toʻlamang.\n• Pasportingiz va boshqa hujjatlaringizni doim oʻzingizda saqlang. Hech kim ularni olib qoʻyishga haqli emas.\n• Bepul huquqiy yordam: {{hotline}}.',
    ],
    sms: 'Ish taklifi: "{{vacancyTitle}}". Ish uchun pul to\'lamang, pasportni o\'zingizda saqlang. Yordam: {{hotline}}',
  },
  hired: {
    subject: 'Siz ishga qabul qilindingiz: {{vacancyTitle}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Tabriklaymiz! {{employerName}} sizni ishga qabul qilmoqda: «{{vacancyTitle}}».\nBirinchi ish kuni: {{startDate}}',
      'Sizning huquqlaringiz:',
      '• Siz bilan yozma mehnat shartnomasi tuzilishi kerak, uning bir nusxasi sizda qoladi.\n• Ishga joylashish uchun na ish beruvchiga, na vositachilarga pul toʻlamang.\n• Pasportingiz va boshqa hujjatlaringizni oʻzingizda saqlang. Ish beruvchi ularni olib qoʻyishga haqli emas.\n• Ish haqi shartnomada yozilganidek toʻliq va oʻz vaqtida toʻlanishi kerak.\n• Agar patent bilan ishlasangiz, uni har oy oʻz vaqtida toʻlang, aks holda u amal qilmay qoladi.',
      'Bepul huquqiy yordam: {{hotline}}.',
    ],
    sms: 'Ishga qabul qilindingiz: "{{vacancyTitle}}", {{startDate}}. Pul to\'lamang, pasportni o\'zingizda saqlang. Yordam: {{hotline}}',
  },
  obligation_due: {
    subject: 'IIVga (MVD) xabar berish muddati: {{dueDate}}, {{workerName}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Xodim: {{workerName}}\nMehnat shartnomasi tuzilgan yoki bekor qilingan sana: {{eventDate}}\nIIVga xabar berish muddati: {{dueDate}}',
      'Ish beruvchi chet el fuqarosi, shu jumladan Yevroosiyo iqtisodiy ittifoqi fuqarosi bilan mehnat shartnomasi tuzilgani va bekor qilingani haqida 3 ish kuni ichida Rossiya Ichki ishlar vazirligining (MVD) hududiy organini xabardor qiladi (115-FZ-son Federal qonun, 13-modda, 8-band; shakllar Rossiya IIVning 30.07.2020 yildagi 536-son buyrugʻi bilan tasdiqlangan). Xabar bermaslik yoki muddatni buzish maʼmuriy huquqbuzarlikdir (RF Maʼmuriy huquqbuzarliklar toʻgʻrisidagi kodeksi, 18.15-modda).',
      'Xabarnoma yuborilgach, buni belgilang: {{obligationUrl}}',
    ],
    sms: 'IIVga (MVD) {{workerName}} bilan shartnoma haqida xabar bering. Muddat: {{dueDate}}. {{obligationUrl}}',
  },
  obligation_overdue: {
    subject: 'IIVga (MVD) xabar berish muddati oʻtdi: {{workerName}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'IIVga xabar berish muddati oʻtdi, lekin xabarnoma yuborilgani belgilanmagan.',
      'Xodim: {{workerName}}\nMehnat shartnomasi tuzilgan yoki bekor qilingan sana: {{eventDate}}\nIIVga xabar berish muddati: {{dueDate}}',
      'Xabarnomani imkon qadar tezroq yuboring (115-FZ-son Federal qonun, 13-modda, 8-band). Xabar bermaslik yoki muddatni buzish maʼmuriy huquqbuzarlikdir (RF Maʼmuriy huquqbuzarliklar toʻgʻrisidagi kodeksi, 18.15-modda). Agar xabarnoma allaqachon yuborilgan boʻlsa, yuborilgan sanani belgilang: {{obligationUrl}}',
    ],
    sms: "Muddat o'tdi: {{workerName}} haqida IIVga (MVD) xabar bering (muddat {{dueDate}}). {{obligationUrl}}",
  },
  patent_expiring_migrant: {
    subject: 'Patent {{paidUntil}} sanasigacha toʻlangan',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Patentingiz ({{regionName}}) {{paidUntil}} sanasigacha (shu kun ham kiradi) toʻlangan.',
      'Qonuniy ishlashni davom ettirish uchun keyingi oy uchun toʻlovni (daromad soligʻi boʻyicha qatʼiy avans toʻlovi) shu sanadan kechiktirmay toʻlang. Kechiksangiz, ertasi kundan patent amal qilmay qoladi va ishlash mumkin boʻlmaydi. Toʻlov chekini saqlab qoʻying.',
      'Savollar va bepul huquqiy yordam: {{hotline}}.',
    ],
    sms: "Patent ({{regionName}}) {{paidUntil}} sanasigacha to'langan. O'z vaqtida to'lang, aks holda u amal qilmay qoladi.",
  },
  patent_expiring_employer: {
    subject: 'Xodim patenti {{paidUntil}} sanasigacha toʻlangan: {{workerName}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Xodim: {{workerName}}\nPatent: {{regionName}}\nToʻlangan muddat: {{paidUntil}}',
      'Agar keyingi toʻlov shu sanagacha qilinmasa, ertasi kundan patent amal qilmay qoladi va xodim sizda qonuniy ishlay olmaydi. Xodimga toʻlovni eslating va yangi chek nusxasini soʻrang.',
    ],
    sms: "Xodim {{workerName}} patenti {{paidUntil}} sanasigacha to'langan. Yangi chek nusxasini so'rang.",
  },
  access_code: {
    subject: 'Kirish kodingiz',
    body: [
      'Assalomu alaykum!',
      'Kirish kodingiz: {{code}}',
      'Arizalaringiz va takliflaringizni telefon yoki kompyuterdan koʻrish uchun ushbu kodni {{loginUrl}} saytida kiriting.',
      'Kodni hech kimga aytmang. Yarmarka xodimlari va ish beruvchilar uni hech qachon soʻramaydi.',
    ],
    sms: 'Kirish kodi: {{code}}. Kirish: {{loginUrl}}. Kodni hech kimga aytmang.',
  },
  kiosk_identification_code: {
    subject: 'Yarmarka kioski uchun kod',
    body: [
      'Assalomu alaykum!',
      'Yarmarka kioskida shaxsingizni tasdiqlash kodi: {{code}}. U {{minutes}} daqiqa amal qiladi.',
      'Agar kod soʻramagan boʻlsangiz, uni hech kimga aytmang va yarmarka xodimlariga xabar bering.',
    ],
    sms: 'Yarmarka kioski kodi: {{code}} ({{minutes}} daq). Hech kimga aytmang.',
  },
  grievance_state_changed: {
    subject: 'Murojaatingiz: {{stateLabel}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Murojaatingiz holati oʻzgardi: {{stateLabel}}.',
      'Batafsil va xodimlar xabarlari: {{grievanceUrl}}',
    ],
    sms: 'Murojaat: {{stateLabel}}. {{grievanceUrl}}',
  },
  grievance_message: {
    subject: 'Murojaatingiz boʻyicha yangi xabar',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Xodim murojaatingizga javob berdi.',
      'Xabarni oʻqish: {{grievanceUrl}}',
    ],
    sms: "Murojaat bo'yicha yangi xabar: {{grievanceUrl}}",
  },
  grievance_shared: {
    subject: 'Kompaniyangiz boʻyicha ishchi shikoyati',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Yarmarka xodimlari sizga ishchi shikoyatini yubordi. Unga bir marta javob berishingiz mumkin.',
      'Shikoyat: {{grievanceUrl}}',
    ],
    sms: 'Sizga ishchi shikoyati yuborildi: {{grievanceUrl}}',
  },
  grievance_overdue: {
    subject: 'Murojaatga birinchi javob muddati oʻtdi',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Murojaatga birinchi javob muddati {{dueDate}} kuni oʻtdi, javob yoʻq.',
      'Murojaat: {{grievanceUrl}}',
    ],
    sms: "Murojaatga javob muddati o'tdi ({{dueDate}}): {{grievanceUrl}}",
  },
  employer_suspended: {
    subject: 'Vakansiyalarni eʼlon qilish toʻxtatildi',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Yarmarka xodimlari vakansiyalaringizni eʼlon qilishni toʻxtatdi. Eʼlon qilingan vakansiyalar olib tashlandi.',
      'Sabab: {{reason}}',
    ],
    sms: "Vakansiyalarni e'lon qilish to'xtatildi. Sabab: {{reason}}",
  },
  legal_consultation_reminder: {
    subject: 'Eslatma: yuridik maslahat {{startsAt}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Siz bepul yuridik maslahatga yozilgansiz.',
      'Qachon: {{startsAt}}\nQayerda: {{location}}',
    ],
    sms: 'Yuridik maslahat {{startsAt}}, {{location}}',
  },
  legal_consultation_rescheduled: {
    subject: 'Yuridik maslahat vaqti oʻzgardi: {{startsAt}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Bepul yuridik maslahatingiz vaqti oʻzgartirildi.',
      'Yangi vaqt: {{startsAt}}\nQayerda: {{location}}',
    ],
    sms: "Yuridik maslahat vaqti o'zgardi: {{startsAt}}, {{location}}",
  },
  legal_consultation_cancelled: {
    subject: 'Yuridik maslahat bekor qilindi: {{startsAt}}',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      'Yuridik maslahatingiz ({{startsAt}}, {{location}}) bekor qilindi.',
      'Sababi: {{reason}}',
      'Boshqa vaqtga yozilishingiz mumkin.',
    ],
    sms: 'Yuridik maslahat {{startsAt}} bekor qilindi. Boshqa vaqtga yoziling.',
  },
  pre_departure_reminder: {
    subject: 'Muddat {{dueDate}}: rejangizdagi qadam',
    body: [
      'Assalomu alaykum, {{recipientName}}!',
      '{{stepText}}',
      'Bajarganingizdan soʻng rejada belgilang, shunda eslatmalar toʻxtaydi: {{planUrl}}',
    ],
    sms: 'Eslatma: {{stepText}}',
  },
};
