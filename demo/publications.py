"""What the network publishes in the demo beyond its case studies: the regional hubs, news
stories, events and the resource hub (issue 20). Invented but realistic content in the
voice of the Strong Cities Network, using the demo's cities, regions, organisations and
practitioners (demo/places.py, demo/people.py) and its published practice
(demo/library.py). The loader marks every text as sample content in its own language
(demo.SAMPLE_MARKS) and dates everything relative to the moment it runs."""

# The regional hubs: region slug -> hub name by language, its introduction by language, the
# hub staff's address, and its team (practitioner slugs; some listed publicly, some not).
HUBS = {
    "africa": {
        "name": {
            "en": "East and Southern Africa hub",
            "fr": "Pôle Afrique de l’Est et australe",
            "ar": "مركز شرق أفريقيا وجنوبها",
            "es": "Centro de África Oriental y Austral",
        },
        "intro": {
            "en": "The hub supports member cities from Mombasa to Cape Town as they build "
            "prevention into everyday city work: youth councils, community policing that "
            "earns trust, family support and the safe return of people leaving armed groups. "
            "It organises peer exchanges, helps cities write local prevention plans and "
            "brings their experience to national and regional partners.",
            "fr": "Le pôle accompagne les villes membres, de Mombasa au Cap, qui intègrent la "
            "prévention dans le travail quotidien de la ville : conseils de jeunes, police de "
            "proximité fondée sur la confiance, soutien aux familles et retour sûr des "
            "personnes qui quittent les groupes armés. Il organise des échanges entre pairs "
            "et aide les villes à rédiger leurs plans locaux de prévention.",
            "ar": "يدعم المركز المدن الأعضاء من مومباسا إلى كيب تاون في جعل الوقاية جزءًا من "
            "العمل اليومي للمدينة: مجالس الشباب، والشرطة المجتمعية القائمة على الثقة، ودعم "
            "الأسر، والعودة الآمنة لمن يغادرون الجماعات المسلحة. وينظم تبادل الخبرات بين "
            "النظراء ويساعد المدن على إعداد خططها المحلية للوقاية.",
            "es": "El centro acompaña a las ciudades miembro, de Mombasa a Ciudad del Cabo, "
            "que integran la prevención en el trabajo diario de la ciudad: consejos juveniles, "
            "policía comunitaria basada en la confianza, apoyo a las familias y el retorno "
            "seguro de quienes dejan los grupos armados. Organiza intercambios entre pares y "
            "ayuda a redactar planes locales de prevención.",
        },
        "email": "hub-east-southern-africa@demo.strongcities.example",
        "team": ["wanjiru-kamau", "hassan-omar-said", "tsion-bekele", "pieter-van-wyk"],
    },
    "middle-east-north-africa": {
        "name": {
            "en": "Middle East and North Africa hub",
            "fr": "Pôle Moyen-Orient et Afrique du Nord",
            "ar": "مركز الشرق الأوسط وشمال أفريقيا",
            "es": "Centro de Oriente Medio y Norte de África",
        },
        "intro": {
            "en": "From Rabat to Erbil, the hub connects municipal staff who work with young "
            "people, refugees and host communities, and families affected by conflict. It "
            "runs Arabic- and French-language trainings, supports psychosocial care in "
            "community centres and helps cities plan the reception of people returning home.",
            "fr": "De Rabat à Erbil, le pôle relie les agents municipaux qui travaillent avec "
            "les jeunes, les réfugiés et les communautés d’accueil, et les familles touchées "
            "par les conflits. Il propose des formations en arabe et en français et aide les "
            "villes à préparer l’accueil des personnes qui rentrent chez elles.",
            "ar": "من الرباط إلى أربيل، يربط المركز بين موظفي البلديات العاملين مع الشباب "
            "واللاجئين والمجتمعات المضيفة والأسر المتأثرة بالنزاعات. ويقدم تدريبات باللغتين "
            "العربية والفرنسية، ويدعم الرعاية النفسية والاجتماعية في المراكز المجتمعية، "
            "ويساعد المدن على الاستعداد لاستقبال العائدين.",
            "es": "De Rabat a Erbil, el centro conecta al personal municipal que trabaja con "
            "jóvenes, personas refugiadas y comunidades de acogida, y con familias afectadas "
            "por los conflictos. Ofrece formaciones en árabe y francés y ayuda a las ciudades "
            "a preparar la acogida de quienes regresan.",
        },
        "email": "hub-mena@demo.strongcities.example",
        "team": ["lina-haddad", "nour-saab", "sami-ben-salah"],
    },
    "asia-pacific": {
        "name": {
            "en": "South Asia hub",
            "fr": "Pôle Asie du Sud",
            "ar": "مركز جنوب آسيا",
            "es": "Centro de Asia Meridional",
        },
        "intro": {
            "en": "The hub works with city corporations, ward councils and youth centres in "
            "South Asia on social cohesion, interfaith dialogue and the safety of young "
            "women online. It helps cities share what works across languages and brings "
            "local voices into the network's regional exchanges.",
            "fr": "Le pôle travaille avec les municipalités, les conseils de quartier et les "
            "centres de jeunesse d’Asie du Sud sur la cohésion sociale, le dialogue "
            "interreligieux et la sécurité des jeunes femmes en ligne.",
            "ar": "يعمل المركز مع البلديات ومجالس الأحياء ومراكز الشباب في جنوب آسيا على "
            "التماسك الاجتماعي والحوار بين الأديان وسلامة الشابات على الإنترنت.",
            "es": "El centro trabaja con municipios, consejos de barrio y centros juveniles de "
            "Asia Meridional en cohesión social, diálogo interreligioso y la seguridad de las "
            "jóvenes en línea.",
        },
        "email": "hub-south-asia@demo.strongcities.example",
        "team": ["ruwan-perera", "farhana-akter"],
    },
    "europe": {
        "name": {
            "en": "Western Balkans hub",
            "fr": "Pôle Balkans occidentaux",
            "ar": "مركز غرب البلقان",
            "es": "Centro de los Balcanes Occidentales",
        },
        "intro": {
            "en": "The hub helps cities in the Western Balkans bring young people together "
            "across ethnic and religious lines, support families of people returning from "
            "conflict zones and answer hate speech online. It pairs them with peers "
            "elsewhere in Europe who have faced similar questions.",
            "fr": "Le pôle aide les villes des Balkans occidentaux à réunir les jeunes au-delà "
            "des appartenances ethniques et religieuses, à soutenir les familles des personnes "
            "revenues des zones de conflit et à répondre aux discours de haine en ligne.",
            "ar": "يساعد المركز مدن غرب البلقان على جمع الشباب عبر الانتماءات العرقية والدينية، "
            "ودعم أسر العائدين من مناطق النزاع، والرد على خطاب الكراهية على الإنترنت.",
            "es": "El centro ayuda a las ciudades de los Balcanes Occidentales a reunir a "
            "jóvenes de distintos orígenes étnicos y religiosos, apoyar a las familias de "
            "quienes regresan de zonas de conflicto y responder al discurso de odio en línea.",
        },
        "email": "hub-western-balkans@demo.strongcities.example",
        "team": ["amra-hadzic", "lotte-claes", "jonas-becker"],
    },
}

# States of a story other than "published some days ago".
DRAFT = "draft"
SCHEDULED = "scheduled"

# News stories. `when`: days before loading (a published story), or DRAFT, or (SCHEDULED,
# days after loading). `body`: blocks of the small Markdown subset, joined by empty lines.
# `image`: (colour scheme in demo.images.PALETTES, description for people who cannot see it).
STORIES = [
    {
        "slug": "nairobi-youth-councils-take-their-budgets-to-the-city-assembly",
        "title": "Nairobi youth councils take their safety budgets to the city assembly",
        "standfirst": "Six elected ward youth councils presented a year of their own safety "
        "projects to the county assembly, and asked for a budget line of their own.",
        "body": [
            "For the first time, members of Nairobi's ward youth councils presented their "
            "work to the county assembly's committee on security and social services. Each "
            "council had chosen, budgeted and run small projects with its ward police "
            "officer: street lighting on a path to a secondary school, a football league "
            "with weekly talks, a helpline poster campaign.",
            "## What the councils asked for",
            "- a standing budget line for youth-led safety projects\n"
            "- a named contact in every county department, with answers within a month\n"
            "- training for ward police officers in working with young people",
            "The committee agreed to examine the proposal in the next budget cycle. The "
            "practice is described in the network's "
            "[library](https://strongcities.org) and was discussed at the hub's last "
            "regional exchange.",
        ],
        "themes": ["youth engagement", "community policing"],
        "cities": ["nairobi"],
        "regions": ["africa"],
        "practices": ["neighbourhood-youth-councils-that-plan-their-own-safety-projects"],
        "when": 6,
        "image": (
            "savanna",
            "Abstract illustration: overlapping circles in orange, green and teal over "
            "diagonal bands on an ochre ground, like groups of people meeting.",
        ),
    },
    {
        "slug": "east-and-southern-africa-hub-opens",
        "title": "The East and Southern Africa hub opens its doors",
        "standfirst": "A regional team will support member cities from Mombasa to Cape Town "
        "with peer exchanges, prevention plans and a shared calendar of training.",
        "body": [
            "The network's East and Southern Africa hub started work this month. Its team "
            "brings together practitioners from youth work, local government, mental health "
            "and research, and will answer member cities' questions in English and Swahili.",
            "## The first year's priorities",
            "- peer exchanges between county and city prevention coordinators\n"
            "- support for cities writing or renewing a local prevention plan\n"
            "- a regional training on the reintegration of people leaving armed groups",
            "Cities that want to take part can write to the hub through the contact form, "
            "choosing the region. More about the network's regional work on "
            "[strongcities.org](https://strongcities.org).",
        ],
        "themes": ["social cohesion", "exit and reintegration"],
        "cities": ["nairobi", "mombasa", "kampala", "addis-ababa"],
        "regions": ["africa"],
        "practices": [],
        "when": 12,
    },
    {
        "slug": "what-a-year-of-answering-online-recruitment-taught-accra-and-bandung",
        "title": "What a year of answering online recruitment taught Accra and Bandung",
        "standfirst": "Young creators in Accra and student leaders in Bandung compared notes "
        "on what makes young people stop scrolling, and think twice.",
        "body": [
            "Both cities train young people to recognise manipulation online, then let them "
            "answer in their own words and languages. At an online exchange, the two teams "
            "found they had reached the same conclusion: counter-messages work when they do "
            "not sound like the city talking.",
            "## Three things that worked",
            "- short videos made by peers, in local languages and humour\n"
            "- a clear way to get help, offline, at the end of every piece\n"
            "- support for creators who themselves receive abuse",
            "The teams will publish a joint tip sheet for other member cities. See the "
            "[example guide](https://example.org/guides/answering-online-recruitment) they "
            "started from.",
        ],
        "themes": ["online harms", "media literacy", "youth engagement"],
        "cities": ["accra", "bandung"],
        "regions": ["africa", "asia-pacific"],
        "practices": [
            "young-creators-answering-recruitment-messages-online",
            "digital-literacy-modules-for-student-leaders",
        ],
        "when": 20,
    },
    {
        "slug": "oslo-and-melbourne-compare-their-referral-paths",
        "title": "Mental health and prevention: Oslo and Melbourne compare referral paths",
        "standfirst": "Police liaison officers and case managers from both cities spent two "
        "days on one question: who calls whom when someone worries them?",
        "body": [
            "Oslo's police and psychiatric services work as one team; Melbourne runs a "
            "multi-agency panel that agrees one support plan per person. Their staff met to "
            "compare how a concern travels from a teacher, a parent or a nurse to the right "
            "help, and where people fall between services.",
            "## Where the paths agree",
            "- most people referred need health, housing or work, not a security response\n"
            "- consent and information sharing must be explained in plain words\n"
            "- a named case manager makes the difference for families",
            "Both cities will host colleagues from the network next year. Their evaluation "
            "summaries are attached to the case studies in the library, and the "
            "[network's page on mental health](https://strongcities.org) collects more.",
        ],
        "themes": ["mental health", "case management", "community policing"],
        "cities": ["oslo", "melbourne"],
        "regions": ["europe", "asia-pacific"],
        "practices": [
            "police-and-psychiatry-working-as-one-team",
            "a-multi-agency-panel-for-people-at-risk-of-radicalisation",
        ],
        "when": 31,
        "image": (
            "fjord",
            "Abstract illustration: grey, teal and blue circles over diagonal bands on a dark "
            "blue ground.",
        ),
    },
    {
        "slug": "western-balkans-hub-brings-youth-workers-together-in-sarajevo",
        "title": "Western Balkans hub brings youth workers together in Sarajevo",
        "standfirst": "Forty youth workers from eleven cities met to plan exchanges that "
        "bring young people together across ethnic and religious lines.",
        "body": [
            "Sarajevo hosted the first gathering of the network's Western Balkans hub. Youth "
            "workers, teachers and municipal staff shared how they prepare exchanges between "
            "schools that rarely meet, and how they keep young people safe when the "
            "exchanges draw attention online.",
            "## Agreed next steps",
            "- a shared safeguarding checklist for exchange trips\n"
            "- pairs of schools in different cities for the coming school year\n"
            "- a small fund for follow-up projects the young people design",
            "The Sarajevo exchanges are described in the library. Read the "
            "[meeting notes](https://example.org/western-balkans/youth-workers-meeting).",
        ],
        "themes": ["youth engagement", "interfaith dialogue"],
        "cities": ["sarajevo"],
        "regions": ["europe"],
        "practices": ["youth-exchanges-across-ethnic-and-religious-lines"],
        "when": 44,
    },
    {
        "slug": "market-safety-audits-in-abuja-one-year-on",
        "title": "Women at the planning table: Abuja's market safety audits one year on",
        "standfirst": "Market women walked their districts with planners and police; a year "
        "later, lighting, paths and patrols have changed.",
        "body": [
            "When market women in Abuja first walked their districts with city planners, they "
            "pointed to places where they felt unsafe and explained why. A year on, the city "
            "has lit two dark passages, moved a taxi rank and agreed patrol times with the "
            "women's associations.",
            "## What made it work",
            "- the women chose the routes and the time of day\n"
            "- planners and police came without uniforms and listened first\n"
            "- every change was reported back at the next market meeting",
            "The approach is now being tried in two other districts. The "
            "[audit template](https://example.org/tools/womens-safety-audit) is free to "
            "adapt.",
        ],
        "themes": ["women and peacebuilding", "social cohesion"],
        "cities": ["abuja"],
        "regions": ["africa"],
        "practices": ["womens-safety-audits-in-market-districts"],
        "when": 52,
    },
    {
        "slug": "how-almaty-and-erbil-prepare-neighbourhoods-to-receive-families",
        "title": "Returning home: how Almaty and Erbil prepare neighbourhoods to receive families",
        "standfirst": "Social workers from both cities describe what helps women and "
        "children returning from conflict zones to settle, and what stands in the way.",
        "body": [
            "Almaty has received women and children returning from conflict zones for several "
            "years; Erbil receives displaced families going back to their districts. Social "
            "workers from both cities met online to compare their work with schools, clinics "
            "and neighbours.",
            "## Lessons they share",
            "- prepare the school and the clinic before the family arrives\n"
            "- speak with neighbours early, with the family's agreement\n"
            "- plan for years of support, not months",
            "Both practices are in the library. The network's "
            "[rehabilitation and reintegration page](https://strongcities.org) lists further "
            "material.",
        ],
        "themes": ["exit and reintegration", "family support"],
        "cities": ["almaty", "erbil"],
        "regions": ["central-asia", "middle-east-north-africa"],
        "practices": [
            "reception-and-reintegration-support-for-returning-women-and-children",
            "preparing-neighbourhoods-to-receive-displaced-families",
        ],
        "when": 63,
        "image": (
            "dune",
            "Abstract illustration: circles in terracotta, peach and sage over pale diagonal "
            "bands on a sand-coloured ground.",
        ),
    },
    {
        "slug": "strasbourg-ateliers-de-citoyennete-eleves-et-parents",
        "language": "fr",
        "title": "Strasbourg : des ateliers de citoyenneté qui réunissent élèves et parents",
        "standfirst": "Dans trois collèges, élèves, parents et responsables religieux "
        "discutent ensemble de la laïcité, des discriminations et de la vie commune.",
        "body": [
            "Depuis la rentrée, trois collèges de Strasbourg accueillent des ateliers de "
            "citoyenneté ouverts aux élèves et à leurs parents. Animés par des médiateurs de "
            "la Ville, ils invitent aussi des responsables religieux et associatifs du "
            "quartier.",
            "## Ce qui change pour les familles",
            "- les parents découvrent ce qui est enseigné et peuvent poser leurs questions\n"
            "- les élèves préparent eux-mêmes une partie des débats\n"
            "- les tensions entre familles et école se disent plus tôt",
            "Un bilan sera partagé avec les villes du réseau au printemps. Voir la "
            "[présentation du projet](https://example.org/strasbourg/ateliers-citoyennete).",
        ],
        "themes": ["education", "interfaith dialogue"],
        "cities": ["strasbourg"],
        "regions": ["europe"],
        "practices": ["citizenship-workshops-for-pupils-and-parents"],
        "when": 71,
    },
    {
        "slug": "cape-town-volunteers-share-their-hate-incident-monitoring-method",
        "title": "Hate incident monitoring: Cape Town volunteers share their method",
        "standfirst": "Community monitors record the incidents that never reach the police, "
        "and bring the patterns to the city every month.",
        "body": [
            "Many people targeted for their nationality, religion or sexuality in Cape Town "
            "never report it. Trained community monitors listen, record what happened with "
            "the person's consent and pass an anonymised picture to a monthly meeting with "
            "the city and police.",
            "## The method in brief",
            "- a short, shared form that works on a basic phone\n"
            "- monitors recruited from the communities most often targeted\n"
            "- every month, one decision the city takes on what the data shows",
            "Monitors from Cape Town will train colleagues in two other member cities next "
            "year. The [recording form](https://example.org/tools/hate-incident-form) is "
            "available to adapt.",
        ],
        "themes": ["hate crime", "data analysis"],
        "cities": ["cape-town"],
        "regions": ["africa"],
        "practices": ["community-monitors-for-hate-incidents"],
        "when": 85,
    },
    {
        "slug": "community-policing-that-earns-trust-minneapolis-and-medellin",
        "title": "Community policing that earns trust: notes from Minneapolis and Medellín",
        "standfirst": "Officers, youth navigators and librarians compared what builds trust "
        "between young people and the police, and what breaks it.",
        "body": [
            "Trust is built slowly and lost quickly: that was the first point on which "
            "participants from Minneapolis and Medellín agreed. Both cities put officers in "
            "places young people already use, from libraries to sports grounds, with "
            "youth workers beside them.",
            "## What participants recommended",
            "- the same officers in the same neighbourhood for years\n"
            "- youth workers who can say no to the police, and are heard\n"
            "- open reporting on stops and complaints",
            "A summary of the exchange is on the [network's website](https://strongcities.org).",
        ],
        "themes": ["community policing", "youth engagement"],
        "cities": ["minneapolis", "medellin"],
        "regions": ["north-america", "latin-america-caribbean"],
        "practices": ["youth-opportunity-navigators-in-diaspora-communities"],
        "when": 97,
    },
    {
        "slug": "medellin-abre-sus-bibliotecas-hasta-tarde-para-los-jovenes",
        "language": "es",
        "title": "Medellín abre sus bibliotecas hasta tarde para los jóvenes",
        "standfirst": "Los parques biblioteca de cuatro comunas amplían su horario y su "
        "programación con talleres propuestos por los propios jóvenes.",
        "body": [
            "Desde este mes, cuatro parques biblioteca de Medellín abren hasta las diez de la "
            "noche. Los jóvenes de cada comuna eligieron los talleres: música, programación, "
            "fotografía y apoyo escolar, con mediadores de la biblioteca presentes.",
            "## Por qué importa",
            "- las noches eran el momento de mayor riesgo en varios barrios\n"
            "- la biblioteca es un lugar neutral, respetado por todos\n"
            "- los jóvenes participan en las decisiones sobre el espacio",
            "La experiencia se presentará en el próximo intercambio regional. Más información "
            "en la [página del programa](https://example.org/medellin/bibliotecas).",
        ],
        "themes": ["youth engagement", "education"],
        "cities": ["medellin"],
        "regions": ["latin-america-caribbean"],
        "practices": ["libraries-as-safe-places-for-young-people"],
        "when": 108,
    },
    {
        "slug": "south-asia-hub-starts-work-with-youth-centres",
        "title": "South Asia hub starts work with youth centres in Dhaka North and Colombo",
        "standfirst": "The hub's first project helps youth workers answer online misogyny and "
        "the hate that often comes with it.",
        "body": [
            "The network's South Asia hub has started a year-long project with youth centres "
            "in Dhaka North and ward interfaith councils in Colombo. Youth workers will learn "
            "to recognise online misogyny, support the young women targeted and talk with "
            "the young men involved.",
            "## The project in three steps",
            "- training for youth workers, in Bangla, Sinhala and Tamil\n"
            "- safe spaces where young women choose the topics\n"
            "- discussion groups for young men, run by trusted peers",
            "The hub will share its materials on the "
            "[network's website](https://strongcities.org) at the end of the year.",
        ],
        "themes": ["women and peacebuilding", "online harms", "youth engagement"],
        "cities": ["dhaka-north", "colombo"],
        "regions": ["asia-pacific"],
        "practices": ["youth-workers-answering-online-misogyny"],
        "when": 120,
    },
    {
        "slug": "christchurch-and-manchester-what-remembrance-teaches-about-cohesion",
        "title": "Christchurch and Manchester: what remembrance teaches about cohesion",
        "standfirst": "Two cities that lived through terrorist attacks reflect on how shared "
        "remembrance can bring people together rather than apart.",
        "body": [
            "Cohesion officers from Christchurch and Manchester spoke at a network webinar "
            "about the years after the attacks on their cities. Both stressed that "
            "remembrance must be planned with the communities most affected, and that it "
            "never ends with the first anniversary.",
            "## Advice they gave other cities",
            "- ask those most affected what they want, and accept a no\n"
            "- plan for hate incidents around anniversaries\n"
            "- support staff who carry the work for years",
            "The recording is in the resource hub. Both cities' cohesion plans are described "
            "in the library and on [strongcities.org](https://strongcities.org).",
        ],
        "themes": ["social cohesion", "hate crime"],
        "cities": ["christchurch", "manchester"],
        "regions": ["asia-pacific", "europe"],
        "practices": [
            "shared-remembrance-events-after-an-attack-on-worshippers",
            "a-community-cohesion-plan-written-with-residents",
        ],
        "when": 134,
        "image": (
            "dusk",
            "Abstract illustration: circles in crimson, gold and plum over diagonal bands on a "
            "deep violet ground.",
        ),
    },
    {
        "slug": "amman-volunteering-and-sport-bring-young-people-together",
        "language": "ar",
        "title": "عمّان: التطوع والرياضة يجمعان شباب الأحياء",
        "standfirst": "أطلقت أمانة عمّان موسمًا جديدًا من دوري الأحياء وبرامج التطوع، بمشاركة "
        "شباب من مختلف المناطق.",
        "body": [
            "يشارك هذا العام أكثر من ستمئة شاب وشابة في دوري الأحياء وبرامج التطوع التي تنظمها "
            "المدينة مع شركائها. ويلتقي المشاركون من أحياء لا تلتقي عادةً، ويختارون معًا مشاريع "
            "تطوعية لخدمة أحيائهم.",
            "## ما الذي تغيّر هذا الموسم",
            "- فرق مختلطة من أحياء مختلفة\n- مساحة خاصة لمشاركة الشابات\n"
            "- مرشدون متطوعون يرافقون كل فريق",
            "ستعرض المدينة نتائج الموسم في التبادل الإقليمي القادم. لمزيد من المعلومات، راجعوا "
            "[موقع الشبكة](https://strongcities.org).",
        ],
        "themes": ["youth engagement", "sport"],
        "cities": ["amman"],
        "regions": ["middle-east-north-africa"],
        "practices": ["youth-volunteering-and-sport-across-neighbourhoods"],
        "when": 147,
    },
    {
        "slug": "bishkek-youth-leadership-schools-open-a-third-campus",
        "title": "Bishkek's youth leadership schools open a third campus",
        "standfirst": "With two local universities, the city now trains young leaders in "
        "every district, and alumni run the first courses themselves.",
        "body": [
            "Bishkek's youth leadership schools began with one university and thirty "
            "students. This autumn a third campus opened in the south of the city, and "
            "former participants teach part of the course.",
            "## What the course covers",
            "- planning and running a neighbourhood project\n"
            "- public speaking and meeting officials\n"
            "- recognising manipulation and recruitment online",
            "The deputy mayor for social affairs presented the schools at the hub meeting. "
            "See the [course outline](https://example.org/bishkek/leadership-school).",
        ],
        "themes": ["youth engagement", "education"],
        "cities": ["bishkek"],
        "regions": ["central-asia"],
        "practices": ["youth-leadership-schools-with-local-universities"],
        "when": 160,
    },
    {
        "slug": "rabat-education-and-work-as-a-way-back",
        "title": "Prison education in Rabat: education and work as a way back",
        "standfirst": "Classes inside, a job placement outside and a mentor in between: the "
        "city describes how it supports people leaving prison.",
        "body": [
            "Rabat offers people in prison classes leading to a diploma, then a placement "
            "with a local employer on release. A mentor from a partner association meets "
            "them in the months before and after.",
            "## What participants say helps",
            "- a diploma that employers recognise\n"
            "- a first job arranged before release\n"
            "- someone to call in the first difficult weeks",
            "The programme's evaluation summary is attached to the case study in the library. "
            "More on rehabilitation on [strongcities.org](https://strongcities.org).",
        ],
        "themes": ["exit and reintegration", "education"],
        "cities": ["rabat"],
        "regions": ["middle-east-north-africa"],
        "practices": ["education-and-work-for-people-leaving-prison"],
        "when": 175,
    },
    {
        "slug": "mayors-local-prevention-needs-long-term-funding",
        "title": "Mayors: local prevention needs long-term funding",
        "standfirst": "Mayors and deputy mayors from member cities call on national "
        "governments and donors to fund prevention for years, not project by project.",
        "body": [
            "Prevention works when it is part of a city's ordinary services, mayors said at a "
            "network meeting: youth work, schools, health and policing that residents trust. "
            "Short project grants make that hard, as staff leave when funding ends.",
            "## What they ask of national governments and donors",
            "- funding over several years, with room to adapt\n"
            "- money that reaches cities directly, not only through capitals\n"
            "- evaluation that helps cities learn, not only report",
            "Read the [full statement](https://example.org/statements/long-term-funding) and "
            "the network's work with mayors on [strongcities.org](https://strongcities.org).",
        ],
        "themes": ["social cohesion"],
        "cities": [],
        "regions": [],
        "practices": [],
        "when": 190,
    },
    {
        "slug": "psychosocial-support-in-beiruts-community-centres",
        "title": "Psychosocial support in Beirut's community centres after repeated crises",
        "standfirst": "Community centres have become the first place many residents turn to; "
        "the city trains their staff to listen and refer.",
        "body": [
            "After years of crises, many Beirut residents carry grief and anger that find no "
            "outlet. The city trains staff in community centres to offer first psychosocial "
            "support and to refer people to specialised care when needed.",
            "## The training covers",
            "- listening without judging and keeping people safe\n"
            "- recognising trauma in children and young people\n"
            "- looking after oneself as a helper",
            "The approach is described in the library. See the "
            "[training outline](https://example.org/beirut/psychosocial-training).",
        ],
        "themes": ["mental health", "trauma care"],
        "cities": ["beirut"],
        "regions": ["middle-east-north-africa"],
        "practices": ["psychosocial-support-in-community-centres"],
        "when": 215,
    },
    {
        "slug": "preview-what-to-expect-at-the-global-summit",
        "title": "Preview: what to expect at the Global Summit",
        "standfirst": "Draft: the programme, the speakers still to confirm and how members "
        "can take part online.",
        "body": [
            "This preview will present the Global Summit's programme once the speakers have "
            "confirmed.",
            "## To complete before publishing",
            "- the list of plenary sessions\n- the cities leading each workshop\n"
            "- the registration link",
            "Staff: check the dates with the events team and the "
            "[summit page](https://example.org/global-summit) before publishing.",
        ],
        "themes": ["social cohesion"],
        "cities": [],
        "regions": [],
        "practices": [],
        "when": DRAFT,
    },
    {
        "slug": "call-for-case-studies-rehabilitation-and-reintegration",
        "title": "Call for case studies: rehabilitation and reintegration",
        "standfirst": "The library is looking for more practice on supporting people who "
        "leave violent groups, and the communities that receive them.",
        "body": [
            "Many member cities support people leaving violent groups, or prisons, and the "
            "families and neighbourhoods that receive them. Few have written their practice "
            "down. The network invites practitioners to contribute a case study to the "
            "library before the end of next quarter.",
            "## We are especially interested in",
            "- work with families and neighbours before a person returns\n"
            "- mentoring and employment after release\n"
            "- what did not work, and what you changed",
            "Members can contribute through the library. Questions: write to the network "
            "through the [contact page](https://strongcities.org).",
        ],
        "themes": ["exit and reintegration", "mentoring"],
        "cities": [],
        "regions": [],
        "practices": [],
        "when": (SCHEDULED, 4),
    },
]

# Events. `day`: days after loading (negative: in the past); `start`/`end`: local times
# (hour, minute) in `zone`; `days`: how many days it lasts. `draft`: not published yet.
EVENTS = [
    {
        "slug": "global-summit-cities-leading-prevention",
        "title": "Global Summit: cities leading prevention",
        "kind": "summit",
        "summary": "Mayors, city staff and practitioners from across the network meet for "
        "three days of plenaries, workshops and study visits on local prevention.",
        "description": [
            "The Global Summit is the network's yearly meeting. This year's programme "
            "follows three questions: how cities fund prevention over the long term, how "
            "they work with young people as partners, and how they respond to hate online "
            "and offline.",
            "## Programme",
            "- day one: plenary sessions with mayors and youth delegates\n"
            "- day two: workshops led by member cities\n"
            "- day three: study visits to community projects",
            "Plenary sessions are streamed online with interpretation in Arabic, English, "
            "French and Spanish.",
        ],
        "day": 74,
        "days": 3,
        "start": (9, 0),
        "end": (17, 30),
        "zone": "Asia/Amman",
        "online": True,
        "venue": "City conference centre, Amman (full address sent with registration)",
        "city": "amman",
        "organiser": None,
        "organiser_email": "",
        "region": None,
        "themes": ["social cohesion", "youth engagement", "online harms"],
        "audience": "open",
        "registration_url": "https://example.org/global-summit/register",
    },
    {
        "slug": "webinar-answering-online-recruitment-in-local-languages",
        "title": "Webinar: answering online recruitment in local languages",
        "kind": "webinar",
        "summary": "Young creators from East Africa show how they recognise recruitment "
        "content and answer it in Swahili, Luganda and Amharic.",
        "description": [
            "East Africa Youth Voices trains young video makers to recognise recruitment "
            "content and publish their own answers. In this webinar, three of them show "
            "their work and discuss what cities can do to support creators who face abuse.",
            "Members of the network can register their interest on this page; the "
            "organisers send the link a few days before.",
        ],
        "day": 12,
        "days": 1,
        "start": (14, 0),
        "end": (15, 30),
        "zone": "UTC",
        "online": True,
        "venue": "",
        "city": None,
        "organiser": "east-africa-youth-network",
        "organiser_email": "webinars@east-africa-youth-network.example.org",
        "region": "africa",
        "themes": ["online harms", "youth engagement", "media literacy"],
        "audience": "open",
        "registration_url": "",
    },
    {
        "slug": "workshop-community-policing-with-trust-nairobi",
        "title": "Community policing with trust: a workshop for police and youth workers",
        "kind": "workshop",
        "summary": "Ward police officers and youth workers from the region spend a day on "
        "building trust with young people, with Nairobi's youth councils as hosts.",
        "description": [
            "Nairobi's ward youth councils host colleagues from the East and Southern Africa "
            "hub for a day of shared work. Police officers and youth workers sit at the same "
            "tables and work through situations they meet every week.",
            "## Sessions",
            "- what young people say about the police, in their own words\n"
            "- agreeing roles between police and youth workers\n"
            "- planning one joint project per ward",
        ],
        "day": 19,
        "days": 1,
        "start": (9, 0),
        "end": (16, 30),
        "zone": "Africa/Nairobi",
        "online": False,
        "venue": "Community hall, Eastlands, Nairobi",
        "city": "nairobi",
        "organiser": "civic-futures-foundation",
        "organiser_email": "events@civic-futures-foundation.example.org",
        "region": "africa",
        "themes": ["community policing", "youth engagement"],
        "audience": "members",
        "registration_url": "",
    },
    {
        "slug": "city-exchange-sarajevo-and-mechelen-on-belonging",
        "title": "City exchange: Sarajevo and Mechelen on belonging and youth exchanges",
        "kind": "exchange",
        "summary": "Two days in Sarajevo for staff of both cities and the Western Balkans "
        "hub: school visits, youth exchanges and what belonging means as city policy.",
        "description": [
            "Mechelen made belonging the core of its approach to prevention; Sarajevo brings "
            "young people together across ethnic and religious lines. Staff of both cities "
            "visit schools and youth centres together and compare their methods.",
            "Places are limited to members of the network working on youth and cohesion.",
        ],
        "day": 33,
        "days": 2,
        "start": (9, 30),
        "end": (17, 0),
        "zone": "Europe/Sarajevo",
        "online": False,
        "venue": "City Hall, Sarajevo",
        "city": "sarajevo",
        "organiser": None,
        "organiser_email": "",
        "region": "europe",
        "themes": ["youth engagement", "social cohesion", "interfaith dialogue"],
        "audience": "members",
        "registration_url": "",
    },
    {
        "slug": "training-trauma-informed-case-management-for-reintegration",
        "title": "Training: trauma-informed case management for reintegration workers",
        "kind": "training",
        "summary": "A three-day training for case workers supporting people who leave armed "
        "groups and the communities that receive them.",
        "description": [
            "Reintegration Partners International leads three days of training on case "
            "management that takes trauma into account: assessment, safety planning, work "
            "with families and looking after case workers themselves.",
            "The training is in English, with Nepali interpretation on request.",
        ],
        "day": 26,
        "days": 3,
        "start": (9, 0),
        "end": (17, 0),
        "zone": "Asia/Kathmandu",
        "online": False,
        "venue": "Training centre, Lalitpur, Kathmandu Valley",
        "city": None,
        "organiser": "reintegration-partners",
        "organiser_email": "training@reintegration-partners.example.org",
        "region": "asia-pacific",
        "themes": ["exit and reintegration", "trauma care", "case management"],
        "audience": "members",
        "registration_url": "https://example.org/reintegration-partners/training",
    },
    {
        "slug": "taller-espacios-publicos-y-bibliotecas-contra-la-violencia",
        "language": "es",
        "title": "Taller: espacios públicos y bibliotecas contra la violencia",
        "kind": "workshop",
        "summary": "Un taller en Medellín y en línea sobre cómo convertir bibliotecas, "
        "parques y centros culturales en lugares seguros para los jóvenes.",
        "description": [
            "Equipos de bibliotecas y cultura de ciudades de América Latina comparten cómo "
            "abren sus espacios a los jóvenes en los horarios y barrios de mayor riesgo.",
            "## Programa",
            "- visita a un parque biblioteca\n- mesas de trabajo por ciudad\n"
            "- plan de acción para el próximo año",
        ],
        "day": 40,
        "days": 1,
        "start": (8, 30),
        "end": (16, 0),
        "zone": "America/Bogota",
        "online": True,
        "venue": "Parque biblioteca, comuna 1, Medellín",
        "city": "medellin",
        "organiser": "civic-futures-foundation",
        "organiser_email": "",
        "region": "latin-america-caribbean",
        "themes": ["youth engagement", "social cohesion"],
        "audience": "open",
        "registration_url": "https://example.org/medellin/taller-espacios-publicos",
    },
    {
        "slug": "webinar-mental-health-and-prevention-referral-paths",
        "title": "Webinar: mental health and prevention, referral paths that work",
        "kind": "webinar",
        "summary": "Researchers and clinicians discuss how concerns travel from schools, "
        "families and clinics to the right support.",
        "description": [
            "The Centre for Community Resilience Studies presents its comparison of referral "
            "paths in five member cities, followed by questions from participants.",
        ],
        "day": 5,
        "days": 1,
        "start": (13, 0),
        "end": (14, 30),
        "zone": "UTC",
        "online": True,
        "venue": "",
        "city": None,
        "organiser": "centre-community-resilience",
        "organiser_email": "",
        "region": None,
        "themes": ["mental health", "case management"],
        "audience": "open",
        "registration_url": "https://example.org/ccrs/webinar-referral-paths",
    },
    {
        "slug": "atelier-les-femmes-dans-la-planification-de-la-securite-locale",
        "language": "fr",
        "title": "Atelier : les femmes dans la planification de la sécurité locale",
        "kind": "workshop",
        "summary": "Élues, agentes municipales et associations de femmes d’Afrique de "
        "l’Ouest partagent leurs méthodes pour peser sur les plans locaux de sécurité.",
        "description": [
            "Cet atelier réunit à Dakar, et en ligne, des villes d’Afrique de l’Ouest qui "
            "associent les femmes à la planification de la sécurité : marches exploratoires, "
            "budgets participatifs, comités de quartier.",
            "Les échanges ont lieu en français, avec interprétation en anglais.",
        ],
        "day": 55,
        "days": 1,
        "start": (9, 0),
        "end": (16, 0),
        "zone": "Africa/Dakar",
        "online": True,
        "venue": "Maison de la culture, Dakar",
        "city": "dakar",
        "organiser": "forum-local-peacebuilders",
        "organiser_email": "ateliers@forum-local-peacebuilders.example.org",
        "region": "africa",
        "themes": ["women and peacebuilding", "social cohesion"],
        "audience": "open",
        "registration_url": "",
    },
    {
        "slug": "workshop-psychosocial-support-in-community-centres-amman",
        "language": "ar",
        "title": "ورشة عمل: الدعم النفسي والاجتماعي في المراكز المجتمعية",
        "kind": "workshop",
        "summary": "ورشة لموظفي المراكز المجتمعية في مدن الشرق الأوسط وشمال أفريقيا حول تقديم "
        "الدعم النفسي الأولي وإحالة الحالات إلى الرعاية المتخصصة.",
        "description": [
            "يتبادل المشاركون من عمّان وبيروت وإربد خبراتهم في دعم السكان بعد الأزمات، "
            "ويتدربون على الإصغاء والإحالة ورعاية الذات.",
        ],
        "day": 47,
        "days": 2,
        "start": (10, 0),
        "end": (16, 0),
        "zone": "Asia/Amman",
        "online": False,
        "venue": "مركز مجتمعي، جبل اللويبدة، عمّان",
        "city": "amman",
        "organiser": None,
        "organiser_email": "",
        "region": "middle-east-north-africa",
        "themes": ["mental health", "trauma care"],
        "audience": "members",
        "registration_url": "",
    },
    {
        "slug": "south-asia-hub-youth-workers-meeting",
        "title": "South Asia hub: youth workers' meeting",
        "kind": "workshop",
        "summary": "Draft: the hub's first meeting of youth workers from Dhaka North and "
        "Colombo, dates to confirm.",
        "description": ["Programme to follow once the partners have confirmed."],
        "day": 90,
        "days": 2,
        "start": (9, 0),
        "end": (17, 0),
        "zone": "Asia/Dhaka",
        "online": False,
        "venue": "Youth centre, Dhaka North",
        "city": "dhaka-north",
        "organiser": None,
        "organiser_email": "",
        "region": "asia-pacific",
        "themes": ["youth engagement", "women and peacebuilding"],
        "audience": "members",
        "registration_url": "",
        "draft": True,
    },
    {
        "slug": "webinar-hate-incident-monitoring-with-community-volunteers",
        "title": "Webinar: hate incident monitoring with community volunteers",
        "kind": "webinar",
        "summary": "How cities record the hate incidents that never reach the police, with "
        "speakers from Cape Town, Denver and Helsinki.",
        "description": [
            "Safe Streets Data Lab and member cities present simple ways to record hate "
            "incidents with community volunteers, and to turn the records into decisions.",
        ],
        "day": -21,
        "days": 1,
        "start": (15, 0),
        "end": (16, 30),
        "zone": "UTC",
        "online": True,
        "venue": "",
        "city": None,
        "organiser": "safe-streets-data-lab",
        "organiser_email": "",
        "region": None,
        "themes": ["hate crime", "data analysis"],
        "audience": "open",
        "registration_url": "https://example.org/safe-streets/webinar-monitoring",
    },
    {
        "slug": "western-balkans-hub-launch-meeting",
        "title": "Western Balkans hub: launch meeting of youth workers",
        "kind": "workshop",
        "summary": "Forty youth workers, teachers and city staff met in Sarajevo to start "
        "the hub's work on youth exchanges.",
        "description": [
            "The first meeting of the Western Balkans hub planned a year of exchanges between "
            "schools and youth centres across the region.",
        ],
        "day": -45,
        "days": 2,
        "start": (9, 0),
        "end": (17, 0),
        "zone": "Europe/Sarajevo",
        "online": False,
        "venue": "Youth centre, Sarajevo",
        "city": "sarajevo",
        "organiser": None,
        "organiser_email": "",
        "region": "europe",
        "themes": ["youth engagement", "interfaith dialogue"],
        "audience": "members",
        "registration_url": "",
    },
    {
        "slug": "training-media-literacy-for-secondary-school-teachers",
        "title": "Training: media literacy for secondary school teachers",
        "kind": "training",
        "summary": "Teachers from Central Asian member cities learned to teach pupils to "
        "recognise manipulation and recruitment online.",
        "description": [
            "The Steppe Institute for Social Research led two days of training with lesson "
            "plans in Russian, Uzbek and Kazakh.",
        ],
        "day": -95,
        "days": 2,
        "start": (9, 0),
        "end": (16, 0),
        "zone": "Asia/Tashkent",
        "online": False,
        "venue": "Teachers' training institute, Tashkent",
        "city": "tashkent",
        "organiser": "steppe-institute",
        "organiser_email": "",
        "region": "central-asia",
        "themes": ["media literacy", "education", "online harms"],
        "audience": "members",
        "registration_url": "https://example.org/steppe-institute/media-literacy-training",
    },
    {
        "slug": "workshop-local-prevention-plans-for-mid-sized-cities",
        "title": "Workshop: local prevention plans for mid-sized cities",
        "kind": "workshop",
        "summary": "City staff worked through the steps of a local prevention plan, from a "
        "shared picture of the problem to evaluation.",
        "description": [
            "The National Prevention Support Office and Mechelen led a day on writing a "
            "local prevention plan with partners and residents.",
        ],
        "day": -130,
        "days": 1,
        "start": (9, 30),
        "end": (16, 30),
        "zone": "Europe/Brussels",
        "online": True,
        "venue": "Town hall, Mechelen",
        "city": "mechelen",
        "organiser": "national-prevention-office",
        "organiser_email": "",
        "region": "europe",
        "themes": ["social cohesion", "education"],
        "audience": "open",
        "registration_url": "",
    },
    {
        "slug": "webinar-supporting-families-of-returnees",
        "title": "Webinar: supporting families of returnees",
        "kind": "webinar",
        "summary": "Social workers from Almaty, Port of Spain and Erbil on supporting the "
        "families of people returning from conflict zones.",
        "description": [
            "Three social workers described their first meetings with families, the role of "
            "schools and how they protect children from stigma.",
        ],
        "day": -60,
        "days": 1,
        "start": (14, 0),
        "end": (15, 30),
        "zone": "UTC",
        "online": True,
        "venue": "",
        "city": None,
        "organiser": None,
        "organiser_email": "",
        "region": None,
        "themes": ["exit and reintegration", "family support"],
        "audience": "members",
        "registration_url": "",
    },
    {
        "slug": "intercambio-mediacion-vecinal-montevideo-y-quito",
        "language": "es",
        "title": "Intercambio de ciudades: mediación vecinal en Montevideo y Quito",
        "kind": "exchange",
        "summary": "Mediadores de Montevideo recibieron a colegas de Quito para conocer los "
        "consejos vecinales que median en los conflictos locales.",
        "description": [
            "Durante dos días, los equipos visitaron consejos vecinales y compararon sus "
            "métodos de mediación con jóvenes y familias.",
        ],
        "day": -80,
        "days": 2,
        "start": (9, 0),
        "end": (17, 0),
        "zone": "America/Montevideo",
        "online": False,
        "venue": "Centro comunal, Montevideo",
        "city": "montevideo",
        "organiser": "andes-community-fund",
        "organiser_email": "",
        "region": "latin-america-caribbean",
        "themes": ["mediation", "social cohesion"],
        "audience": "members",
        "registration_url": "",
    },
]

# The demo member's interest in upcoming events that have no registration link: event slug,
# note for the organiser, handled by staff already.
INTERESTS = [
    (
        "city-exchange-sarajevo-and-mechelen-on-belonging",
        "I run exchanges between schools in Sarajevo and would gladly host part of a visit.",
        False,
    ),
    (
        "workshop-community-policing-with-trust-nairobi",
        "Our youth centre works with the local police; we would like to learn from the "
        "ward councils.",
        True,
    ),
    ("webinar-answering-online-recruitment-in-local-languages", "", False),
]

# Resources added by staff: title, kind, year, language, themes, region slugs, publisher
# slug (None: the network), a generated PDF (else a link), summary. Published unless they
# are listed in ARCHIVED or DRAFTS below.
# fmt: off
RESOURCES = [
    ("Local prevention plans: a step-by-step toolkit for cities", "toolkit", 2019, "en",
     ["social cohesion", "education"], [], None, True,
     "Templates and checklists to write a local prevention plan with partners and "
     "residents: a shared picture of the problem, goals, roles, and how to evaluate."),
    ("Youth councils for community safety: a guide for city staff", "guide", 2021, "en",
     ["youth engagement", "community policing"], ["africa"], "civic-futures-foundation", True,
     "How to set up elected youth councils that choose, budget and run safety projects "
     "with the support of the city and the police."),
    ("Family support circles: facilitator's handbook", "toolkit", 2020, "en",
     ["family support", "exit and reintegration"], ["africa"], None, False,
     "Session plans and guidance for facilitators who meet parents worried about a young "
     "person being drawn into violent groups."),
    ("Multi-agency case management: a practice guide", "guide", 2018, "en",
     ["case management", "mental health"], ["asia-pacific", "europe"],
     "centre-community-resilience", True,
     "How health, housing, education and police staff can agree one support plan per "
     "person, with consent, clear roles and regular review."),
    ("What we know about online radicalisation among teenagers", "research", 2023, "en",
     ["online harms", "youth engagement"], [], "pacific-online-safety", False,
     "A review of recent research on how teenagers meet extremist content online, and what "
     "protects them: trusted adults, media literacy and offline belonging."),
    ("Community policing and trust: evidence from twelve cities", "research", 2022, "en",
     ["community policing"], ["north-america", "latin-america-caribbean"],
     "city-safety-consultancy", True,
     "A comparative study of community policing programmes and how residents, especially "
     "young people, judge them."),
    ("Gender and violent extremism: a briefing for local governments", "policy", 2021, "en",
     ["women and peacebuilding"], [], "forum-local-peacebuilders", True,
     "Why prevention plans must consider the different roles and risks of women, men, girls "
     "and boys, with examples from member cities."),
    ("Recording hate incidents with community monitors", "toolkit", 2022, "en",
     ["hate crime", "data analysis"], ["africa", "north-america"], "safe-streets-data-lab",
     True,
     "A short recording form, a training session for volunteers and a method to turn "
     "anonymised records into monthly decisions with the city."),
    ("Trauma-informed approaches in prevention work", "training", 2024, "en",
     ["trauma care", "mental health"], [], "reintegration-partners", False,
     "A self-paced training module for front-line staff: recognising trauma, avoiding harm "
     "and referring to specialised care."),
    ("Mentoring young people leaving extremist circles", "training", 2019, "en",
     ["mentoring", "exit and reintegration"], ["europe"], None, True,
     "Four training sessions for volunteer and professional mentors, with case discussions "
     "and guidance on safety and boundaries."),
    ("Reintegration of returning women and children: lessons from Central Asia", "research",
     2021, "en", ["exit and reintegration", "family support"], ["central-asia"],
     "steppe-institute", True,
     "Interviews with social workers, teachers and families in three cities on what helps "
     "returning women and children settle, and what stands in the way."),
    ("Media literacy lesson plans for secondary schools", "toolkit", 2023, "en",
     ["media literacy", "education"], ["central-asia"], "steppe-institute", False,
     "Twelve ready-to-use lessons on recognising manipulation, misinformation and "
     "recruitment online, for pupils aged 13 to 17."),
    ("Interfaith councils at ward level: how to start one", "guide", 2020, "en",
     ["interfaith dialogue", "social cohesion"], ["asia-pacific"], "interfaith-city-council",
     False,
     "Practical steps to bring religious and lay leaders together in a ward council that can "
     "meet quickly when tension rises."),
    ("Mayors' statement on long-term funding for local prevention", "policy", 2026, "en",
     ["social cohesion"], [], None, False,
     "The statement in which mayors of member cities call for prevention funding over "
     "several years, reaching cities directly."),
    ("Webinar recording: shared remembrance after an attack", "recording", 2025, "en",
     ["social cohesion", "hate crime"], ["asia-pacific", "europe"], None, False,
     "Cohesion officers from two cities that lived through terrorist attacks on planning "
     "remembrance with the communities most affected."),
    ("Webinar recording: referral paths between health and prevention", "recording", 2025,
     "en", ["mental health", "case management"], [], "centre-community-resilience", False,
     "Researchers and clinicians compare how concerns travel from schools and families to "
     "the right support in five member cities."),
    ("Psychosocial first support in community centres", "training", 2024, "en",
     ["mental health", "trauma care"], ["middle-east-north-africa"], None, True,
     "A two-day training module for community centre staff on listening, keeping people "
     "safe and referring them to specialised care."),
    ("Women's safety audits: a walk-through guide", "guide", 2022, "en",
     ["women and peacebuilding", "social cohesion"], ["africa"], "forum-local-peacebuilders",
     True,
     "How to organise safety walks led by women with city planners and police, and how to "
     "report back on the changes made."),
    ("Sport for social cohesion: designing inclusive neighbourhood leagues", "guide", 2018,
     "en", ["sport", "youth engagement"], ["europe", "middle-east-north-africa"],
     "bridges-youth-trust", False,
     "Rules, team-building and mentoring for sport leagues that bring young people from "
     "different neighbourhoods together."),
    ("Preventing violent extremism in urban settings: a policy framework", "policy", 2016,
     "en", ["social cohesion", "community policing"], [], None, True,
     "The network's founding framework on the role of cities in prevention, and the "
     "principles members share."),
    ("Counter-messaging with young creators: a workshop kit", "toolkit", 2021, "en",
     ["online harms", "youth engagement"], ["africa"], "east-africa-youth-network", False,
     "Workshop plans to help young people recognise recruitment content and produce their "
     "own answers, safely."),
    ("Hate speech online: what cities can do", "policy", 2024, "en",
     ["online harms", "hate crime"], ["europe"], "safe-streets-data-lab", False,
     "The levers a city has against hate speech online, from reporting paths to support for "
     "those targeted, and their limits."),
    ("Evaluating local prevention programmes: a practical introduction", "guide", 2017, "en",
     ["data analysis"], [], "centre-community-resilience", True,
     "How to evaluate a prevention programme on a small budget: theories of change, simple "
     "indicators and learning with partners."),
    ("Recording: youth perspectives on safety in Latin American cities", "recording", 2023,
     "en", ["youth engagement"], ["latin-america-caribbean"], "andes-community-fund", False,
     "Young people from Quito, Santiago and Montevideo talk about what makes them feel safe, "
     "and what they ask of their cities."),
    ("Returnees and their families: a guide for municipal social services", "guide", 2020,
     "en", ["exit and reintegration", "family support"],
     ["latin-america-caribbean", "middle-east-north-africa"], None, True,
     "What municipal social services can do before, during and after the return of a person "
     "from a conflict zone, with their family."),
    ("Education and work after prison: programme design notes", "research", 2025, "en",
     ["exit and reintegration", "education"], ["middle-east-north-africa"],
     "mediterranean-cities-platform", False,
     "Notes from programmes that combine education inside prison with job placements and "
     "mentoring after release."),
    ("Threat assessment teams shared by schools and clinics", "research", 2019, "en",
     ["mental health", "hate crime"], ["north-america"], "safe-streets-data-lab", False,
     "How shared threat assessment teams work, what they cost and how they protect the "
     "rights of the young people they assess."),
    ("Training module: community engagement for police officers", "training", 2017, "en",
     ["community policing"], ["north-america"], "city-safety-consultancy", False,
     "A one-day module for police officers on listening to residents, working with youth "
     "workers and being accountable to communities."),
    ("Boîte à outils : la médiation par les jeunes dans les quartiers", "toolkit", 2022, "fr",
     ["mediation", "youth engagement"], ["africa"], None, False,
     "Fiches pratiques pour recruter, former et accompagner de jeunes médiateurs de quartier, "
     "avec des exemples de villes d’Afrique de l’Ouest."),
    ("Guide : accompagner les victimes d’actes haineux", "guide", 2021, "fr",
     ["hate crime"], ["north-america", "europe"], "open-doors-counselling", False,
     "Comment accueillir, écouter et orienter les personnes visées par des actes haineux, et "
     "partager avec la ville un portrait anonymisé des tendances."),
    ("Note d’orientation : la prévention dans les plans locaux de sécurité", "policy", 2023,
     "fr", ["social cohesion"], ["europe", "africa"], "mediterranean-cities-platform", False,
     "Recommandations aux villes pour intégrer la prévention de l’extrémisme violent dans "
     "leurs plans locaux de sécurité et de cohésion."),
    ("Guía: bibliotecas y espacios culturales como lugares seguros", "guide", 2024, "es",
     ["youth engagement", "education"], ["latin-america-caribbean"],
     "civic-futures-foundation", False,
     "Cómo abrir bibliotecas y centros culturales a los jóvenes en los horarios y barrios de "
     "mayor riesgo, con su participación."),
    ("Estudio: mediación vecinal y prevención de la violencia", "research", 2020, "es",
     ["mediation", "social cohesion"], ["latin-america-caribbean"], "andes-community-fund",
     False,
     "Un estudio sobre los consejos vecinales que median en los conflictos locales y su "
     "papel en la prevención de la violencia."),
    ("دليل: إشراك الشباب في التطوع على مستوى الأحياء", "guide", 2022, "ar",
     ["youth engagement", "sport"], ["middle-east-north-africa"], None, False,
     "خطوات عملية لتصميم برامج تطوع ورياضة تجمع شبابًا من أحياء مختلفة، مع أمثلة من مدن "
     "الشبكة."),
    ("وحدة تدريبية: الدعم النفسي والاجتماعي الأولي", "training", 2025, "ar",
     ["mental health", "trauma care"], ["middle-east-north-africa"], None, False,
     "وحدة تدريبية لموظفي المراكز المجتمعية حول الإصغاء وضمان السلامة والإحالة إلى الرعاية "
     "المتخصصة."),
    ("Recording: the network's first regional exchange on youth and sport", "recording", 2016,
     "en", ["sport", "youth engagement"], ["europe"], None, False,
     "The recorded sessions of an early regional exchange, kept for the history of the "
     "network's work on youth and sport."),
    ("Preventing hate crime around elections: a checklist", "toolkit", 2026, "en",
     ["hate crime", "social cohesion"], [], None, False,
     "Steps a city can take in the weeks before and after elections, when hate incidents "
     "often rise: monitoring, reporting paths and messages from local leaders."),
]
# fmt: on
# Staff resources not simply published: archived (replaced by newer material) or still a
# draft being prepared, by title.
ARCHIVED = ["Recording: the network's first regional exchange on youth and sport"]
# Slugs for titles that give none of their own (slugify keeps only Latin letters).
SLUGS = {
    "دليل: إشراك الشباب في التطوع على مستوى الأحياء": "guide-youth-volunteering-in-neighbourhoods",
    "وحدة تدريبية: الدعم النفسي والاجتماعي الأولي": "training-psychosocial-first-support",
}
DRAFTS = ["Preventing hate crime around elections: a checklist"]

# The demo member's suggestions and where review took them: state, title, kind, year,
# themes, regions, link, summary, the moderator's reason.
MEMBER_SUBMITTED = "submitted"
MEMBER_CHANGES_REQUESTED = "changes_requested"
MEMBER_PUBLISHED = "published"
MEMBER_REJECTED = "rejected"
# fmt: off
MEMBER_SUGGESTIONS = [
    (MEMBER_PUBLISHED, "A safeguarding checklist for youth exchange trips", "toolkit", 2025,
     ["youth engagement"], ["europe"], "https://example.org/youth-exchanges/safeguarding",
     "A one-page checklist for organisers of exchanges between schools: consent, travel, "
     "safe accommodation, photos and what to do when an exchange attracts hostility online.",
     ""),
    (MEMBER_SUBMITTED, "Peer mediation in secondary schools: a guide for teachers", "guide",
     2024, ["mediation", "education"], ["europe"],
     "https://example.org/peer-mediation/teachers-guide",
     "How to train pupils as peer mediators, with role plays and a supervision plan for "
     "teachers.",
     ""),
    (MEMBER_CHANGES_REQUESTED, "Recording: closing debate of a youth exchange", "recording",
     2025, ["youth engagement", "interfaith dialogue"], ["europe"],
     "https://example.org/recordings/youth-exchange-debate",
     "Young people from three cities debate what they learned from meeting across "
     "religious lines.",
     "Please say who published the recording, and confirm that the young people who can be "
     "seen in it, and their parents, agreed to it being shared."),
    (MEMBER_REJECTED, "Newspaper column on a national election campaign", "research", 2026,
     ["social cohesion"], [], "https://example.org/news/election-column",
     "An opinion column on the national election campaign and its tone.",
     "Thank you for the suggestion. The hub lists guides, toolkits, research and training for "
     "local prevention work; an opinion column on national politics is not one of them."),
]
# fmt: on
