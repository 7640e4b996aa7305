/**
 * The word tables the benchmark vaults are made of: the sections and their
 * shares, names of people, places, organizations, events and programs, and the
 * phrases sentences, headings, summaries and footnotes are built from.
 */

export type Section = 'people' | 'places' | 'organizations' | 'events' | 'programs';

/** Share of each section in a real vault: mostly people, then organizations and places. */
export const SECTION_WEIGHTS: readonly (readonly [Section, number])[] = [
	['people', 0.45],
	['organizations', 0.22],
	['places', 0.15],
	['events', 0.11],
	['programs', 0.07],
];

export const FIRST_NAMES = [
	'Robert', 'Roberta', 'Robin', 'Rob', 'Roberto', 'Robertson', 'Roger', 'Rosa', 'Ruth', 'Richard', 'Rachel', 'Raymond',
	'Ari', 'David', 'Nicholas', 'Victor', 'Mohammad', 'Kermit', 'Norman', 'Stephen', 'Anne', 'Maria', 'John', 'James',
	'Elena', 'Sofia', 'Ahmed', 'Hassan', 'Yusuf', 'Leila', 'Olga', 'Ivan', 'Dmitri', 'Natalia', 'Pierre', 'Claire',
	'Jacques', 'Isabelle', 'Hans', 'Greta', 'Klaus', 'Ingrid', 'Kenji', 'Aiko', 'Hiroshi', 'Mei', 'Wei', 'Li',
	'Carlos', 'Lucia', 'Diego', 'Camila', 'Andrew', 'Margaret', 'William', 'Elizabeth', 'Thomas', 'Catherine',
	'George', 'Helen', 'Edward', 'Frances', 'Henry', 'Alice', 'Arthur', 'Dorothy', 'Charles', 'Eleanor', 'Samuel',
	'Miriam', 'Benjamin', 'Esther', 'Daniel', 'Hannah', 'Michael', 'Sarah', 'Joseph', 'Rebecca', 'Paul', 'Judith',
	'Peter', 'Martha', 'Simon', 'Naomi', 'Omar', 'Fatima', 'Khalid', 'Amira', 'Tariq', 'Yasmin', 'Reza', 'Shirin',
	'Farid', 'Nadia', 'Sergei', 'Tatiana', 'Boris', 'Irina', 'Marco', 'Giulia', 'Luca', 'Chiara', 'Jan', 'Eva',
	'Piotr', 'Agnieszka', 'Lars', 'Astrid', 'Sven', 'Freya', 'Patrick', 'Siobhan', 'Sean', 'Aoife', 'Kwame', 'Amara',
];
export const LAST_NAMES = [
	'Maxwell', 'Kimche', 'Davies', 'Ostrovsky', 'Darbyshire', 'Roosevelt', 'Pahlavi', 'Dorril', 'Menashe', 'Smith',
	'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Wilson', 'Moore', 'Taylor', 'Anderson', 'Thomas', 'Jackson',
	'White', 'Harris', 'Martin', 'Thompson', 'Garcia', 'Martinez', 'Robinson', 'Clark', 'Rodriguez', 'Lewis', 'Lee',
	'Walker', 'Hall', 'Allen', 'Young', 'Hernandez', 'King', 'Wright', 'Lopez', 'Hill', 'Scott', 'Green', 'Adams',
	'Baker', 'Gonzalez', 'Nelson', 'Carter', 'Mitchell', 'Perez', 'Roberts', 'Turner', 'Phillips', 'Campbell',
	'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Sanchez', 'Morris', 'Rogers', 'Reed', 'Cook', 'Morgan',
	'Bell', 'Murphy', 'Bailey', 'Rivera', 'Cooper', 'Richardson', 'Cox', 'Howard', 'Ward', 'Torres', 'Peterson',
	'Gray', 'Ramirez', 'Watson', 'Brooks', 'Kelly', 'Sanders', 'Price', 'Bennett', 'Wood', 'Barnes', 'Ross',
	'Henderson', 'Coleman', 'Jenkins', 'Perry', 'Powell', 'Long', 'Patterson', 'Hughes', 'Flores', 'Washington',
	'Butler', 'Simmons', 'Foster', 'Gonzales', 'Bryant', 'Alexander', 'Russell', 'Griffin', 'Diaz', 'Hayes',
	'Petrov', 'Ivanov', 'Sokolov', 'Volkov', 'Kuznetsov', 'Novak', 'Kowalski', 'Nowak', 'Dubois', 'Laurent',
	'Moreau', 'Lefebvre', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Rossi', 'Russo',
	'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Tanaka', 'Suzuki', 'Watanabe', 'Yamamoto', 'Nakamura', 'Chen',
	'Wang', 'Zhang', 'Liu', 'Yang', 'Huang', 'Khan', 'Hosseini', 'Karimi', 'Rahimi', 'Haddad', 'Nasser', 'Mansour',
	'Said', 'Farouk', 'Levy', 'Cohen', 'Mizrahi', 'Peretz', 'Friedman', 'Katz', 'Andersson', 'Johansson',
	'Larsen', 'Nielsen', 'Hansen', "Murray", 'Byrne', 'Walsh', 'Ryan', 'Okafor', 'Mensah', 'Diallo', 'Mbeki',
];
export const PLACE_STARTS = [
	'Kar', 'Vel', 'Ost', 'Mar', 'Bel', 'Tor', 'Al', 'Dun', 'Ash', 'Bren', 'Cal', 'Dor', 'El', 'Fen', 'Gal', 'Hal',
	'Is', 'Jor', 'Kel', 'Lor', 'Mor', 'Nor', 'Or', 'Pel', 'Quen', 'Ros', 'Sal', 'Tal', 'Ul', 'Val', 'Wen', 'Yar', 'Zan',
];
export const PLACE_MIDDLES = ['', 'a', 'e', 'i', 'o', 'en', 'ar', 'is'];
export const PLACE_ENDS = [
	'berg', 'burg', 'ford', 'haven', 'mouth', 'stad', 'grad', 'polis', 'ton', 'ville', 'mark', 'holm', 'field',
	'port', 'wick', 'dale', 'moor', 'ia', 'istan', 'land',
];
export const PLACE_PREFIXES = ['', '', '', 'New ', 'Port ', 'North ', 'South ', 'East ', 'West ', 'Upper ', 'Lower ', 'Fort '];
export const COUNTRIES = [
	'United Kingdom', 'United States', 'France', 'Germany', 'Israel', 'Iran', 'Iraq', 'Afghanistan', 'Pakistan',
	'Egypt', 'Turkey', 'Russia', 'Ukraine', 'Poland', 'Italy', 'Spain', 'Japan', 'China', 'India', 'Brazil',
	'Argentina', 'Chile', 'Nigeria', 'Kenya', 'South Africa', 'Sweden', 'Norway', 'Ireland', 'Canada', 'Australia',
];
export const ORG_ADJECTIVES = [
	'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Royal', 'National', 'Federal', 'Imperial', 'United',
	'Allied', 'Continental', 'Atlantic', 'Pacific', 'Maritime', 'Strategic', 'Joint', 'Global', 'Foreign', 'Domestic',
	'Independent', 'Free', 'Democratic', 'Popular', 'Revolutionary', 'Colonial', 'Overseas', 'Commercial',
	'Scientific', 'Technical', 'Financial', 'Industrial', 'Agricultural', 'Naval', 'Air', 'Signals', 'Special',
	'Secret', 'Public', 'Private',
];
export const ORG_NOUNS = [
	'Intelligence', 'Security', 'Defence', 'Trade', 'Oil', 'Shipping', 'Mining', 'Press', 'Media', 'Banking',
	'Investment', 'Research', 'Development', 'Energy', 'Petroleum', 'Arms', 'Aviation', 'Telecommunications',
	'Publishing', 'Broadcasting', 'Insurance', 'Railway', 'Steel', 'Chemical', 'Pharmaceutical', 'Textile',
	'Grain', 'Timber', 'Survey', 'Cipher', 'Liaison', 'Information', 'Relief', 'Reconstruction', 'Exchange',
	'Credit', 'Land', 'Water', 'Harbour', 'Transport',
];
export const ORG_KINDS = [
	'Service', 'Agency', 'Bureau', 'Council', 'Committee', 'Company', 'Corporation', 'Group', 'Bank', 'Trust',
	'Foundation', 'Institute', 'Directorate', 'Office', 'Commission', 'Authority', 'Association', 'League',
	'Syndicate', 'Consortium', 'Board', 'Ministry', 'Union', 'Network', 'Holdings',
];
export const EVENT_KINDS = [
	'Crisis', 'Affair', 'Accords', 'Summit', 'Uprising', 'Coup', 'Treaty', 'Conference', 'Scandal', 'Blockade',
	'Hearings', 'Trial', 'Embargo', 'Airlift', 'Strike', 'Riots', 'Talks', 'Inquiry', 'Massacre', 'Bombing',
];
export const EVENT_PATTERNS = ['{place} {kind}', 'Siege of {place}', 'Battle of {place}', '{place} {kind} of {year}', '{kind} of {place}'];
export const CODEWORDS = [
	'Ajax', 'Boot', 'Cyclone', 'Gladio', 'Mockingbird', 'Paperclip', 'Condor', 'Chaos', 'Merlin', 'Phoenix',
	'Shamrock', 'Minaret', 'Echelon', 'Tempest', 'Trident', 'Lantern', 'Harvest', 'Falcon', 'Osprey', 'Kestrel',
	'Granite', 'Basalt', 'Cobalt', 'Zircon', 'Quartz', 'Onyx', 'Jasper', 'Garnet', 'Beryl', 'Topaz', 'Sapphire',
	'Amber', 'Indigo', 'Crimson', 'Scarlet', 'Azure', 'Ivory', 'Ebony', 'Silver', 'Copper', 'Iron', 'Bronze',
	'Thunder', 'Lightning', 'Storm', 'Gale', 'Monsoon', 'Typhoon', 'Blizzard', 'Avalanche', 'Glacier', 'Tundra',
	'Sentinel', 'Guardian', 'Watchman', 'Shepherd', 'Pilgrim', 'Nomad', 'Voyager', 'Pioneer', 'Ranger', 'Scout',
	'Anvil', 'Hammer', 'Chisel', 'Lever', 'Pulley', 'Compass', 'Sextant', 'Astrolabe', 'Quadrant', 'Meridian',
];
export const PROGRAM_PATTERNS = ['Operation {a}', 'Project {a}', '{a} Initiative', 'Operation {a} {b}', 'Project {a} {b}', '{a} Program'];
export const CATEGORIES: Readonly<Record<Section, readonly string[]>> = {
	people: ['Business & Media', 'Politics', 'Intelligence & Government', 'Military', 'Journalism', 'Finance', 'Law', 'Science'],
	places: ['Country', 'City', 'Region', 'Military Base', 'Port'],
	organizations: ['Intelligence & Government', 'Business & Media', 'Finance', 'Military', 'Political Party', 'Non-profit'],
	events: ['Political Event', 'Military Operation', 'Scandal', 'Diplomacy', 'Trial'],
	programs: ['Covert Operation', 'Intelligence Program', 'Research Program', 'Surveillance Program'],
};
export const SECTION_TAG: Readonly<Record<Section, string>> = {
	people: 'Person',
	places: 'Place',
	organizations: 'Organization',
	events: 'Event',
	programs: 'Program',
};
export const TAGS = [
	'UnitedKingdom', 'UnitedStates', 'Intelligence', 'ColdWar', 'MiddleEast', 'Iran', 'Israel', 'Finance', 'Media',
	'ArmsTrade', 'Oil', 'Diplomacy', 'Espionage', 'Banking', 'Publishing', 'Military', 'Politics', 'Scandal',
	'Surveillance', 'Covert', 'Europe', 'Asia', 'Africa', 'LatinAmerica', 'Terrorism', 'Law', 'Journalism',
	'Aviation', 'Shipping', 'Energy',
];
export const HEADING_PHRASES = [
	'Early Life', 'Origins', 'Background', 'Career', 'Later Years', 'Legacy', 'Controversies', 'Investigations',
	'Cold War Operations', 'Business Interests', 'Political Career', 'Intelligence Links', 'Funding', 'Structure',
	'Leadership', 'Operations', 'Aftermath', 'Public Inquiry', 'Press Coverage', 'Legal Proceedings',
	'International Relations', 'Foreign Partners', 'Documents', 'Timeline', 'Personnel', 'Assets', 'Reforms',
	'Collapse', 'Revival', 'Alliances', 'Rivalries', 'Finances', 'Declassified Files', 'Testimony', 'Memoirs',
];
export const VERBS = [
	'worked with', 'met', 'financed', 'negotiated with', 'advised', 'opposed', 'supported', 'investigated',
	'reported to', 'cooperated with', 'was recruited by', 'briefed', 'supplied', 'wrote about', 'testified against',
	'was linked to', 'coordinated with', 'was accused of aiding', 'founded a partnership with', 'competed with',
];
export const PLAIN_SUBJECTS = [
	'The service', 'Its officers', 'Several former officials', 'The ministry', 'A parliamentary committee',
	'Investigative journalists', 'The board', 'Declassified records', 'Contemporary accounts', 'The company',
	'His associates', 'Her colleagues', 'Foreign diplomats', 'The press', 'Local authorities',
];
export const PLAIN_OBJECTS = [
	'the security services', 'a network of intermediaries', 'senior politicians', 'foreign intelligence officers',
	'several shipping firms', 'the finance ministry', 'a group of bankers', 'the national press',
	'regional governments', 'an arms broker', 'the oil consortium', 'local informants',
];
export const TAILS = [
	'during the early years of the Cold War', 'according to later testimony', 'over more than a decade',
	'in a series of meetings abroad', 'while the inquiry was still open', 'before the archives were opened',
	'through a chain of holding companies', 'as documented in the declassified files', 'despite public denials',
	'with the knowledge of senior officials', 'after the change of government', 'in the months before the crisis',
];
export const FILLER_SENTENCES = [
	'The details remained classified for decades, and much of what is known comes from memoirs and court records.',
	'Historians disagree about the extent of this relationship, and official sources have never confirmed it.',
	'The arrangement was described in parliamentary questions, though ministers declined to comment on intelligence matters.',
	'Later investigations found that several of the transactions had been routed through offshore accounts.',
	'Contemporary newspapers covered the affair extensively, often relying on anonymous sources within government.',
	'The episode became a reference point in later debates about oversight of the intelligence services.',
];
export const FOOTNOTE_SOURCES = [
	'"Annual Report," Official Publications Office. https://example.org/reports/annual',
	'Smith, John. *A History of the Secret Services.* Oxford University Press, 1998.',
	'"Hearings before the Select Committee," Government Printing Office, 1976.',
	'Davies, Nicholas. *The Unknown Story.* Random House, 1992.',
	'"Declassified cable," National Archives. https://example.org/archives/cable',
	'Interview transcript, oral history collection, 2004.',
];
export const SUMMARY_DESCRIPTORS: Readonly<Record<Section, readonly string[]>> = {
	people: ['a businessman', 'a diplomat', 'an intelligence officer', 'a journalist', 'a politician', 'a financier', 'a lawyer', 'a scientist'],
	places: ['a city', 'a country', 'a port', 'a region', 'a military base'],
	organizations: ['an intelligence service', 'a company', 'a bank', 'a government agency', 'a trade association', 'a foundation'],
	events: ['a political crisis', 'a diplomatic conference', 'a scandal', 'a military operation', 'a trial'],
	programs: ['a covert operation', 'an intelligence program', 'a research program', 'a surveillance program'],
};
