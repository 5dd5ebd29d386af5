/**
 * The demo fair's cast: employers of the sectors that hire migrants in Moscow and Moscow oblast, the trades they
 * hire for (ISCO-08 codes from the domain notes) and names as they are written in Central Asian passports.
 */

export const DEMO_STAFF = {
  email: 'staff@demo.jobfair.local',
  password: 'demo-staff-2026',
  displayName: 'Ольга Смирнова (ЦЗН «Моя работа»)',
};
export const DEMO_EMPLOYER_PASSWORD = 'demo-employer-2026';
export const DEMO_MIGRANT_PASSWORD = 'demo-migrant-2026';

export interface DemoEmployer {
  name: string;
  slug: string;
  sector: 'construction' | 'manufacturing' | 'catering' | 'services';
  region: 'RU-MOW' | 'RU-MOS';
  city: string;
  address: string;
  location: { lat: number; lng: number };
  contactName: string;
  phone: string;
  trades: string[];
}

export const DEMO_EMPLOYERS: DemoEmployer[] = [
  {
    name: 'ООО «СтройМонолит»',
    slug: 'stroymonolit',
    sector: 'construction',
    region: 'RU-MOW',
    city: 'Москва',
    address: 'ул. Складочная, д. 1, стр. 3',
    location: { lat: 55.8019, lng: 37.5926 },
    contactName: 'Елена Викторовна Кузнецова',
    phone: '+7 495 641-20-17',
    trades: ['9313', '7112', '7123', '7212', '7411'],
  },
  {
    name: 'АО «МосГражданСтрой»',
    slug: 'mosgrazhdanstroy',
    sector: 'construction',
    region: 'RU-MOW',
    city: 'Москва',
    address: 'Варшавское ш., д. 125, корп. 1',
    location: { lat: 55.6231, lng: 37.6053 },
    contactName: 'Игорь Сергеевич Волков',
    phone: '+7 495 988-31-40',
    trades: ['9313', '7131', '7126', '7411', '7123'],
  },
  {
    name: 'ООО «Подмосковье Девелопмент»',
    slug: 'podmoskovie-dev',
    sector: 'construction',
    region: 'RU-MOS',
    city: 'Красногорск',
    address: 'Ильинское ш., д. 4',
    location: { lat: 55.8204, lng: 37.3302 },
    contactName: 'Марина Олеговна Белова',
    phone: '+7 495 120-44-81',
    trades: ['9313', '7112', '7131', '8332', '7126'],
  },
  {
    name: 'ООО «ТехноФасад»',
    slug: 'tekhnofasad',
    sector: 'construction',
    region: 'RU-MOS',
    city: 'Балашиха',
    address: 'ш. Энтузиастов, д. 7',
    location: { lat: 55.7963, lng: 37.9382 },
    contactName: 'Андрей Николаевич Морозов',
    phone: '+7 495 777-19-02',
    trades: ['7123', '7131', '9313', '7212', '7112'],
  },
  {
    name: 'ООО «Швейная фабрика «Текстиль-Профи»',
    slug: 'textil-profi',
    sector: 'manufacturing',
    region: 'RU-MOS',
    city: 'Подольск',
    address: 'ул. Комсомольская, д. 1',
    location: { lat: 55.4312, lng: 37.5447 },
    contactName: 'Светлана Петровна Никитина',
    phone: '+7 496 763-12-90',
    trades: ['7533', '8153', '8153', '9333', '7533'],
  },
  {
    name: 'АО «Автокомпонент-Ступино»',
    slug: 'avtokomponent',
    sector: 'manufacturing',
    region: 'RU-MOS',
    city: 'Ступино',
    address: 'ул. Первомайская, д. 44',
    location: { lat: 54.8862, lng: 38.0781 },
    contactName: 'Дмитрий Александрович Орлов',
    phone: '+7 496 642-51-15',
    trades: ['7212', '9333', '8332', '7411', '9329'],
  },
  {
    name: 'ООО «Мебельный комбинат «Дубрава»',
    slug: 'dubrava-mebel',
    sector: 'manufacturing',
    region: 'RU-MOS',
    city: 'Ногинск',
    address: 'ул. Индустриальная, д. 12',
    location: { lat: 55.8525, lng: 38.4418 },
    contactName: 'Ольга Ивановна Захарова',
    phone: '+7 496 514-08-33',
    trades: ['7522', '9333', '8322', '7212', '9329'],
  },
  {
    name: 'ООО «Вкусно и сытно» (сеть столовых)',
    slug: 'vkusno-sytno',
    sector: 'catering',
    region: 'RU-MOW',
    city: 'Москва',
    address: 'ул. Нижняя Красносельская, д. 35',
    location: { lat: 55.7768, lng: 37.6729 },
    contactName: 'Наталья Юрьевна Соколова',
    phone: '+7 495 215-66-70',
    trades: ['5120', '9412', '9112', '5120', '5246'],
  },
  {
    name: 'ООО «Чайхона Сервис»',
    slug: 'chaikhona-servis',
    sector: 'catering',
    region: 'RU-MOW',
    city: 'Москва',
    address: 'Ленинградский пр-т, д. 31',
    location: { lat: 55.7878, lng: 37.5604 },
    contactName: 'Тимур Рашидович Ахмеров',
    phone: '+7 495 380-27-61',
    trades: ['5120', '9412', '5131', '9112', '5120'],
  },
  {
    name: 'ООО «Пекарня у дома»',
    slug: 'pekarnya-u-doma',
    sector: 'catering',
    region: 'RU-MOW',
    city: 'Москва',
    address: 'ул. Профсоюзная, д. 56',
    location: { lat: 55.6702, lng: 37.5523 },
    contactName: 'Ирина Владимировна Лебедева',
    phone: '+7 495 604-93-18',
    trades: ['7512', '7512', '9412', '5223', '8322'],
  },
  {
    name: 'ООО «Клининг Плюс»',
    slug: 'klining-plus',
    sector: 'services',
    region: 'RU-MOW',
    city: 'Москва',
    address: 'ул. Кржижановского, д. 14, корп. 3',
    location: { lat: 55.6797, lng: 37.5786 },
    contactName: 'Анна Сергеевна Григорьева',
    phone: '+7 495 669-40-52',
    trades: ['9112', '9112', '9111', '9122', '5414'],
  },
  {
    name: 'ООО «ЛогистТранс»',
    slug: 'logisttrans',
    sector: 'services',
    region: 'RU-MOS',
    city: 'Домодедово',
    address: 'мкр. Белые Столбы, Логистический парк, стр. 2',
    location: { lat: 55.3313, lng: 37.8566 },
    contactName: 'Сергей Михайлович Павлов',
    phone: '+7 496 797-35-26',
    trades: ['8322', '8332', '9333', '9333', '5414'],
  },
];

/** A title, a short description and a fair monthly gross range (RUB) for each trade. */
export const DEMO_TRADES: Record<string, { title: string; description: string; salary: [number, number] }> = {
  '9313': {
    title: 'Подсобный рабочий на стройку',
    description:
      'Подготовка площадки, подача материалов, уборка строительного мусора. Спецодежда и СИЗ выдаются.',
    salary: [70_000, 90_000],
  },
  '7112': {
    title: 'Каменщик',
    description: 'Кладка стен и перегородок из кирпича и газоблока по проекту. Опыт от 1 года.',
    salary: [95_000, 130_000],
  },
  '7123': {
    title: 'Штукатур-маляр',
    description: 'Механизированная и ручная штукатурка стен, шпаклёвка. Инструмент работодателя.',
    salary: [85_000, 120_000],
  },
  '7131': {
    title: 'Маляр',
    description: 'Окраска стен и потолков, подготовка поверхностей, работа с краскопультом.',
    salary: [80_000, 110_000],
  },
  '7212': {
    title: 'Электрогазосварщик',
    description: 'Сварка металлоконструкций (РДС, полуавтомат). Удостоверение сварщика обязательно.',
    salary: [100_000, 150_000],
  },
  '7411': {
    title: 'Электромонтажник',
    description: 'Прокладка кабеля, монтаж щитов и освещения. Допуск по электробезопасности — плюс.',
    salary: [100_000, 140_000],
  },
  '7126': {
    title: 'Сантехник',
    description: 'Монтаж внутренних систем водоснабжения, канализации и отопления в новостройках.',
    salary: [90_000, 120_000],
  },
  '8332': {
    title: 'Водитель грузового автомобиля (категория C/CE)',
    description: 'Перевозка грузов по Москве и области. Российское водительское удостоверение.',
    salary: [110_000, 150_000],
  },
  '7533': {
    title: 'Швея',
    description: 'Пошив спецодежды на промышленном оборудовании, сдельно-премиальная оплата.',
    salary: [60_000, 85_000],
  },
  '8153': {
    title: 'Оператор швейного оборудования',
    description: 'Работа на прямострочных и оверлочных машинах в потоке. Обучение на месте.',
    salary: [60_000, 80_000],
  },
  '9333': {
    title: 'Грузчик-комплектовщик на склад',
    description: 'Приёмка, комплектация и отгрузка товара, работа с ТСД. График 5/2 или 2/2.',
    salary: [65_000, 85_000],
  },
  '9329': {
    title: 'Разнорабочий на производство',
    description: 'Вспомогательные работы в цехе, упаковка продукции, маркировка.',
    salary: [60_000, 75_000],
  },
  '7522': {
    title: 'Станочник деревообрабатывающих станков',
    description: 'Раскрой ЛДСП, кромление, сборка корпусной мебели. Обучение на месте.',
    salary: [75_000, 100_000],
  },
  '8322': {
    title: 'Водитель-экспедитор (категория B)',
    description:
      'Доставка товаров по маршруту на автомобиле компании. Российское водительское удостоверение.',
    salary: [80_000, 110_000],
  },
  '5120': {
    title: 'Повар горячего цеха',
    description: 'Приготовление блюд по технологическим картам, соблюдение санитарных норм.',
    salary: [75_000, 110_000],
  },
  '9412': {
    title: 'Кухонный рабочий',
    description: 'Мытьё посуды и инвентаря, первичная обработка овощей, помощь поварам.',
    salary: [55_000, 65_000],
  },
  '9112': {
    title: 'Уборщик служебных помещений',
    description: 'Уборка офисов и торговых центров, работа с профессиональной техникой.',
    salary: [50_000, 62_000],
  },
  '9111': {
    title: 'Горничная',
    description: 'Уборка апартаментов и гостиничных номеров, смена белья.',
    salary: [55_000, 65_000],
  },
  '9122': {
    title: 'Мойщик автомобилей',
    description: 'Ручная и бесконтактная мойка, химчистка салона. Сменный график.',
    salary: [60_000, 80_000],
  },
  '5414': {
    title: 'Охранник',
    description: 'Контрольно-пропускной режим на объекте. Удостоверение частного охранника — плюс.',
    salary: [60_000, 75_000],
  },
  '5246': {
    title: 'Работник линии раздачи',
    description: 'Раздача блюд, работа с кассой, поддержание порядка в зале.',
    salary: [55_000, 65_000],
  },
  '5131': {
    title: 'Официант',
    description: 'Обслуживание гостей в зале ресторана узбекской кухни, знание узбекского языка — плюс.',
    salary: [60_000, 80_000],
  },
  '7512': {
    title: 'Пекарь-кондитер',
    description: 'Выпечка хлеба, лепёшек и кондитерских изделий по рецептурам пекарни.',
    salary: [75_000, 95_000],
  },
  '5223': {
    title: 'Продавец-кассир',
    description: 'Обслуживание покупателей, выкладка товара, работа на кассе.',
    salary: [60_000, 75_000],
  },
};

/** Trades people name when they register, by gender (kept to the ones vacancies ask for). */
export const MALE_TRADES = [
  '9313',
  '7112',
  '7123',
  '7131',
  '7212',
  '7411',
  '7126',
  '8322',
  '8332',
  '9333',
  '5120',
];
export const FEMALE_TRADES = ['5120', '9412', '9112', '7533', '8153', '5246', '9111', '5223', '7512'];

export type DemoCitizenship = 'TJ' | 'UZ' | 'KG' | 'KZ';

interface NamePool {
  male: [string, string][];
  female: [string, string][];
  /** Surnames in the male form; the female form adds «а» / "a" to -ов/-ев. */
  surnames: [string, string][];
  language: string;
}

export const NAME_POOLS: Record<DemoCitizenship, NamePool> = {
  TJ: {
    language: 'tg',
    male: [
      ['Фаррух', 'Farrukh'],
      ['Джамшед', 'Jamshed'],
      ['Рустам', 'Rustam'],
      ['Шохрух', 'Shohrukh'],
      ['Далер', 'Daler'],
      ['Бахтиёр', 'Bakhtiyor'],
      ['Сухроб', 'Sukhrob'],
      ['Фирдавс', 'Firdavs'],
      ['Исмоил', 'Ismoil'],
      ['Умед', 'Umed'],
    ],
    female: [
      ['Нигора', 'Nigora'],
      ['Мадина', 'Madina'],
      ['Зарина', 'Zarina'],
      ['Шахло', 'Shakhlo'],
      ['Парвина', 'Parvina'],
    ],
    surnames: [
      ['Рахимов', 'Rakhimov'],
      ['Назаров', 'Nazarov'],
      ['Саидов', 'Saidov'],
      ['Шарипов', 'Sharipov'],
      ['Холматов', 'Kholmatov'],
      ['Давлатов', 'Davlatov'],
      ['Мирзоев', 'Mirzoev'],
      ['Сафаров', 'Safarov'],
      ['Одинаев', 'Odinaev'],
      ['Курбонов', 'Kurbonov'],
    ],
  },
  UZ: {
    language: 'uz',
    male: [
      ['Шерзод', 'Sherzod'],
      ['Бобур', 'Bobur'],
      ['Улугбек', 'Ulugbek'],
      ['Жасур', 'Jasur'],
      ['Азизбек', 'Azizbek'],
      ['Дилшод', 'Dilshod'],
      ['Отабек', 'Otabek'],
      ['Санжар', 'Sanjar'],
      ['Тимур', 'Timur'],
      ['Акмал', 'Akmal'],
    ],
    female: [
      ['Дилноза', 'Dilnoza'],
      ['Гулнора', 'Gulnora'],
      ['Малика', 'Malika'],
      ['Феруза', 'Feruza'],
      ['Нилуфар', 'Nilufar'],
    ],
    surnames: [
      ['Каримов', 'Karimov'],
      ['Юсупов', 'Yusupov'],
      ['Тошматов', 'Toshmatov'],
      ['Абдуллаев', 'Abdullaev'],
      ['Исмоилов', 'Ismoilov'],
      ['Рахматуллаев', 'Rakhmatullaev'],
      ['Ахмедов', 'Akhmedov'],
      ['Турсунов', 'Tursunov'],
      ['Эргашев', 'Ergashev'],
      ['Хасанов', 'Khasanov'],
    ],
  },
  KG: {
    language: 'ky',
    male: [
      ['Азамат', 'Azamat'],
      ['Нурлан', 'Nurlan'],
      ['Бакыт', 'Bakyt'],
      ['Эрлан', 'Erlan'],
      ['Улан', 'Ulan'],
      ['Айбек', 'Aibek'],
      ['Талант', 'Talant'],
    ],
    female: [
      ['Айгуль', 'Aigul'],
      ['Жылдыз', 'Jyldyz'],
      ['Айпери', 'Aiperi'],
      ['Назгуль', 'Nazgul'],
    ],
    surnames: [
      ['Токтогулов', 'Toktogulov'],
      ['Асанов', 'Asanov'],
      ['Мамытов', 'Mamytov'],
      ['Жумабаев', 'Zhumabaev'],
      ['Осмонов', 'Osmonov'],
      ['Иманалиев', 'Imanaliev'],
      ['Садыков', 'Sadykov'],
    ],
  },
  KZ: {
    language: 'ru',
    male: [
      ['Ерлан', 'Yerlan'],
      ['Нурсултан', 'Nursultan'],
      ['Асхат', 'Askhat'],
      ['Данияр', 'Daniyar'],
      ['Арман', 'Arman'],
    ],
    female: [
      ['Айгерим', 'Aigerim'],
      ['Динара', 'Dinara'],
      ['Асель', 'Assel'],
    ],
    surnames: [
      ['Нурланов', 'Nurlanov'],
      ['Жаксылыков', 'Zhaksylykov'],
      ['Абенов', 'Abenov'],
      ['Омаров', 'Omarov'],
      ['Сейткалиев', 'Seitkaliev'],
    ],
  },
};

/** Mobile number formats: country code and the operator prefixes in use. */
export const PHONE_FORMATS: Record<DemoCitizenship, { code: string; prefixes: string[]; digits: number }> = {
  TJ: { code: '+992', prefixes: ['90', '92', '93', '98', '55'], digits: 7 },
  UZ: { code: '+998', prefixes: ['90', '91', '93', '94', '97', '99'], digits: 7 },
  KG: { code: '+996', prefixes: ['555', '700', '770', '550'], digits: 6 },
  KZ: { code: '+7', prefixes: ['701', '705', '707', '747', '777'], digits: 7 },
};
