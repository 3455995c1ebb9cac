"""The practice library of the demo: about sixty invented case studies in every workflow
state. Each entry gives what is particular to it (title, city, summary, facets); the body
sections are written per main theme and completed with the city's name."""

# Workflow states the loader walks each practice through (see loader.PATHS).
PUBLISHED = "published"
REVISED_THEN_PUBLISHED = "revised_then_published"
ARCHIVED = "archived"
REJECTED = "rejected"
CHANGES_REQUESTED = "changes_requested"
SUBMITTED = "submitted"
DRAFT = "draft"

# title, city slug (None: not chosen yet), path, evidence level, stage, start, end, themes,
# forms of extremism, summary, reason the moderator gave (or ""), written by the demo member
# fmt: off
PRACTICES = [
    ("Neighbourhood youth councils that plan their own safety projects", "nairobi",
     PUBLISHED, "promising", "running", 2017, None,
     ["youth engagement", "community policing"], ["islamist", "mixed-unclear"],
     "Elected youth councils in six wards choose, budget and run small safety projects with "
     "the ward police officer.", "", False),
    ("Family support circles for parents of young people at risk", "mombasa",
     PUBLISHED, "effective", "ended", 2016, 2020,
     ["family support", "exit and reintegration"], ["islamist"],
     "Trained facilitators meet parents in small circles so that worried families are heard "
     "early and know where to turn.", "", False),
    ("Vocational training as a first step out of violent groups", "kampala",
     PUBLISHED, "grounded", "running", 2019, None,
     ["exit and reintegration", "youth engagement"], ["islamist"],
     "Apprenticeships with local businesses give young people leaving armed groups a trade "
     "and a daily routine.", "", False),
    ("Women's safety audits in market districts", "abuja",
     PUBLISHED, "described", "running", 2020, None,
     ["women and peacebuilding", "social cohesion"], ["ethno-nationalist", "islamist"],
     "Market women walk their districts with city planners and police and agree on changes "
     "that make the streets safer.", "", False),
    ("Young creators answering recruitment messages online", "accra",
     PUBLISHED, "promising", "running", 2021, None,
     ["online harms", "youth engagement"], ["islamist", "mixed-unclear"],
     "Young video makers learn to recognise recruitment content and publish their own "
     "answers in local languages.", "", False),
    ("Faith leaders in the classroom: tolerance lessons for teenagers", "dakar",
     PUBLISHED, "peer_reviewed", "ended", 2019, 2022,
     ["interfaith dialogue", "education"], ["islamist"],
     "Imams and priests co-teach a ten-week course on living together, built into the civic "
     "education curriculum.", "", False),
    ("Community monitors for hate incidents", "cape-town",
     PUBLISHED, "promising", "running", 2018, None,
     ["hate crime", "community policing"], ["far-right", "ethno-nationalist"],
     "Volunteer monitors record hate incidents that victims would not report to the police "
     "and bring the patterns to a monthly city meeting.", "", False),
    ("A multi-agency panel for people at risk of radicalisation", "melbourne",
     PUBLISHED, "effective", "running", 2016, None,
     ["mental health", "family support"], ["far-right", "islamist", "mixed-unclear"],
     "Health, housing, education and police staff meet fortnightly to agree one support "
     "plan for each person referred to the panel.", "", False),
    ("Shared remembrance events after an attack on worshippers", "christchurch",
     PUBLISHED, "described", "ended", 2019, 2021,
     ["social cohesion", "interfaith dialogue"], ["far-right"],
     "The city and faith communities planned remembrance together, so that grief became a "
     "moment of solidarity rather than division.", "", False),
    ("Rebuilding together: community-led reconstruction committees", "marawi",
     PUBLISHED, "grounded", "running", 2018, None,
     ["social cohesion", "exit and reintegration"], ["islamist"],
     "Displaced residents sit on the committees that decide how their neighbourhoods are "
     "rebuilt after the siege.", "", False),
    ("Digital literacy modules for student leaders", "bandung",
     PUBLISHED, "promising", "ended", 2018, 2023,
     ["online harms", "education"], ["islamist", "mixed-unclear"],
     "Student union leaders take a short course on misinformation and manipulation and then "
     "teach it to first-year students.", "", False),
    ("Interfaith councils in every ward", "colombo",
     PUBLISHED, "described", "running", 2021, None,
     ["interfaith dialogue", "social cohesion"], ["ethno-nationalist", "islamist"],
     "Each ward has a council of religious and lay leaders that meets monthly and can be "
     "called together within a day when tension rises.", "", False),
    ("Reception and reintegration support for returning women and children", "almaty",
     PUBLISHED, "promising", "running", 2019, None,
     ["exit and reintegration", "mental health", "family support"], ["islamist"],
     "A city team coordinates housing, schooling, health care and psychological support "
     "for families returning from conflict zones.", "", False),
    ("Youth leadership schools with local universities", "bishkek",
     PUBLISHED, "grounded", "running", 2018, None,
     ["youth engagement", "education"], ["islamist", "ethno-nationalist"],
     "A yearly leadership school trains young people from every district to design and run "
     "community projects.", "", False),
    ("Festivals that share the city's public spaces", "osh",
     PUBLISHED, "described", "ended", 2019, 2021,
     ["social cohesion"], ["ethno-nationalist"],
     "Neighbourhood festivals rotate between districts so that every community hosts and "
     "every community visits.", "", False),
    ("Media literacy in secondary schools", "tashkent",
     PUBLISHED, "peer_reviewed", "planned", 2025, None,
     ["education", "online harms"], ["islamist"],
     "A media literacy course for pupils aged 14 to 17, prepared with teachers and ready to "
     "start in twenty schools.", "", False),
    ("Police and psychiatry working as one team", "oslo",
     PUBLISHED, "effective", "running", 2015, None,
     ["mental health", "community policing"], ["far-right", "islamist", "mixed-unclear"],
     "Police liaison officers and psychiatric nurses assess concerns together, so that "
     "people in crisis get care rather than only a criminal record.", "", False),
    ("Mentors for young people leaving extremist circles", "aarhus",
     PUBLISHED, "effective", "running", 2015, None,
     ["exit and reintegration", "youth engagement"], ["far-right", "islamist"],
     "Trained volunteer mentors meet a young person weekly for at least a year and help "
     "them build a life outside extremist circles.", "", False),
    ("Belonging as policy: a city-wide approach to shared identity", "mechelen",
     REVISED_THEN_PUBLISHED, "promising", "running", 2016, None,
     ["social cohesion", "education"], ["islamist", "far-right"],
     "Every city service asks how it can make residents feel they belong, from sports clubs "
     "to the civil registry.", "", False),
    ("Neighbourhood teams trained to notice polarisation", "rotterdam",
     PUBLISHED, "peer_reviewed", "running", 2017, None,
     ["social cohesion", "online harms"], ["far-right", "islamist", "anti-government"],
     "Neighbourhood workers, teachers and police officers learn to notice polarisation "
     "early and to respond together.", "", False),
    ("A community cohesion plan written with residents", "manchester",
     PUBLISHED, "grounded", "running", 2018, None,
     ["hate crime", "social cohesion"], ["far-right", "islamist"],
     "After an attack, the city wrote its cohesion plan in open meetings with residents, "
     "and reports on it every year.", "", False),
    ("Citizenship workshops for pupils and parents", "strasbourg",
     PUBLISHED, "described", "ended", 2018, 2021,
     ["education", "interfaith dialogue"], ["islamist", "far-right"],
     "Evening workshops where pupils and their parents discuss rights, duties and religion "
     "in a secular city.", "", False),
    ("Counselling for families worried about a relative", "dusseldorf",
     PUBLISHED, "no_effect", "ended", 2016, 2022,
     ["family support", "exit and reintegration"], ["islamist", "far-right"],
     "A counselling service for relatives; its evaluation found no measurable effect on "
     "referrals, and the lessons shaped its successor.", "", False),
    ("Youth exchanges across ethnic and religious lines", "sarajevo",
     PUBLISHED, "promising", "running", 2019, None,
     ["youth engagement", "interfaith dialogue"], ["ethno-nationalist", "islamist"],
     "Secondary school classes from different communities spend a week together on a "
     "shared project and keep in touch afterwards.", "", True),
    ("Violent extremism in the city's general safety plan", "helsinki",
     PUBLISHED, "grounded", "running", 2020, None,
     ["online harms", "mental health"], ["far-right", "misogynist"],
     "The city treats violent extremism like other safety risks, with named owners, "
     "indicators and a yearly review.", "", False),
    ("Libraries as safe places for young people", "medellin",
     REVISED_THEN_PUBLISHED, "effective", "running", 2016, None,
     ["youth engagement", "education"], ["mixed-unclear", "far-left"],
     "Library parks in hillside neighbourhoods stay open late and offer young people "
     "workshops, music studios and homework help.", "", False),
    ("Neighbourhood councils that mediate local conflicts", "montevideo",
     PUBLISHED, "described", "running", 2018, None,
     ["social cohesion", "hate crime"], ["far-right"],
     "Trained volunteer mediators from each neighbourhood council settle disputes before "
     "they harden into group conflicts.", "", False),
    ("After-school programmes in hillside neighbourhoods", "quito",
     PUBLISHED, "promising", "ended", 2019, 2024,
     ["youth engagement", "education"], ["mixed-unclear"],
     "Schools stay open in the afternoon for sport, art and tutoring run by youth workers "
     "from the same neighbourhoods.", "", False),
    ("Support for returnees and their families", "port-of-spain",
     PUBLISHED, "grounded", "running", 2020, None,
     ["exit and reintegration", "family support"], ["islamist"],
     "A small city team helps returnees and their families with documents, schooling, work "
     "and acceptance in their neighbourhood.", "", False),
    ("Welcoming migrants into neighbourhood life", "santiago",
     PUBLISHED, "described", "running", 2021, None,
     ["social cohesion", "women and peacebuilding"], ["far-right", "anti-government"],
     "Neighbourhood associations pair newly arrived families with long-time residents for "
     "their first six months.", "", False),
    ("Youth volunteering and sport across neighbourhoods", "amman",
     PUBLISHED, "promising", "running", 2016, None,
     ["youth engagement", "sport"], ["islamist"],
     "Young volunteers run football and basketball leagues that mix teams from different "
     "neighbourhoods and backgrounds.", "", True),
    ("Refugees and hosts planning projects together", "irbid",
     PUBLISHED, "peer_reviewed", "ended", 2017, 2021,
     ["social cohesion", "education"], ["islamist", "ethno-nationalist"],
     "Mixed groups of refugees and local residents receive small grants for projects they "
     "choose and run together.", "", False),
    ("Psychosocial support in community centres", "beirut",
     PUBLISHED, "grounded", "running", 2019, None,
     ["mental health", "social cohesion"], ["mixed-unclear", "ethno-nationalist"],
     "Community centres offer group and individual psychosocial support to residents "
     "affected by repeated crises.", "", False),
    ("Cultural centres open late for young people", "tunis",
     PUBLISHED, "promising", "running", 2018, None,
     ["youth engagement", "online harms"], ["islamist"],
     "Cultural centres in outlying districts open in the evening for theatre, music and "
     "digital media workshops.", "", False),
    ("Education and work for people leaving prison", "rabat",
     PUBLISHED, "effective", "running", 2019, None,
     ["exit and reintegration", "education"], ["islamist"],
     "People convicted of terrorism offences follow education and work placements that "
     "start in prison and continue after release.", "", False),
    ("Preparing neighbourhoods to receive displaced families", "erbil",
     PUBLISHED, "described", "running", 2020, None,
     ["exit and reintegration", "women and peacebuilding"], ["islamist", "ethno-nationalist"],
     "Before displaced families return, local women's groups and elders hold meetings to "
     "prepare the neighbourhood.", "", False),
    ("A helpline for worried families and professionals", "montreal",
     PUBLISHED, "effective", "running", 2015, None,
     ["online harms", "mental health", "family support"],
     ["far-right", "islamist", "misogynist", "anti-government"],
     "A confidential helpline answers families, teachers and social workers who are worried "
     "about someone's drift towards violent extremism.", "", False),
    ("Youth opportunity navigators in diaspora communities", "minneapolis",
     PUBLISHED, "promising", "running", 2016, None,
     ["youth engagement", "community policing"], ["islamist"],
     "Navigators from the community connect young people with jobs, study and sport, and "
     "build trust with city services.", "", False),
    ("Shared threat assessment for schools and clinics", "denver",
     PUBLISHED, "peer_reviewed", "running", 2018, None,
     ["mental health", "hate crime"], ["far-right", "misogynist", "mixed-unclear"],
     "School counsellors, clinicians and police use one threat assessment method, so that a "
     "concern is judged the same way wherever it is raised.", "", False),
    ("Youth workers answering online misogyny", "dhaka-north",
     PUBLISHED, "grounded", "running", 2022, None,
     ["online harms", "women and peacebuilding"], ["misogynist"],
     "Youth workers run group sessions with boys and young men on the misogynist content "
     "they meet online.", "", False),
    # Archived: once public, now kept for the record.
    ("A multi-agency prevention hub", "calgary",
     ARCHIVED, "promising", "ended", 2017, 2021,
     ["exit and reintegration", "social cohesion"], ["far-right", "islamist"],
     "A hub that brought police, health and social services together; it closed when the "
     "city left the network.", "", False),
    ("Street football tournament against hate", "cape-town",
     ARCHIVED, "described", "ended", 2018, 2019,
     ["sport", "youth engagement"], ["far-right"],
     "A one-off tournament with mixed teams and short workshops between matches.", "", False),
    ("Poster campaign on online radicalisation", "rotterdam",
     ARCHIVED, "no_effect", "ended", 2017, 2018,
     ["online harms"], ["mixed-unclear"],
     "A poster campaign in metro stations; a survey found no change in awareness.", "", False),
    # Rejected, with the reason the author sees.
    ("Camera network around places of worship", "abuja",
     REJECTED, "described", "running", 2021, None,
     ["community policing"], ["islamist"],
     "Cameras installed around churches and mosques, monitored by a private company.",
     "This describes a security measure rather than a prevention practice with the "
     "community, so it does not fit the library.", False),
    ("Success stories from our exit programme", "mombasa",
     REJECTED, "described", "running", 2020, None,
     ["exit and reintegration"], ["islamist"],
     "Portraits of participants who left violent groups, with their names and photographs.",
     "The text names participants, one of them a minor. The library never publishes "
     "anything that could identify beneficiaries.", False),
    ("City marathon sponsorship", "irbid",
     REJECTED, "described", "ended", 2022, 2022,
     ["sport"], ["mixed-unclear"],
     "The city sponsored the yearly marathon and printed a peace message on the shirts.",
     "A single sponsored event with no link to prevention or cohesion work; please send us "
     "a longer-running activity instead.", True),
    # Changes requested, with the reason the author sees.
    ("Peer mediators in secondary schools", "quito",
     CHANGES_REQUESTED, "described", "running", 2021, None,
     ["education", "youth engagement"], ["mixed-unclear"],
     "Pupils trained as mediators help classmates settle conflicts before they escalate.",
     "Please describe the outcomes you observed and say whether anyone evaluated the "
     "project.", False),
    ("Street outreach to young men in transit hubs", "nairobi",
     CHANGES_REQUESTED, "described", "running", 2022, None,
     ["youth engagement", "community policing"], ["islamist"],
     "Outreach workers meet young men waiting for work at bus stations and offer support.",
     "Please remove the street names and the description of the two young men: they could "
     "be recognised.", True),
    ("Women's radio programme on peace", "abuja",
     CHANGES_REQUESTED, "described", "running", 2020, None,
     ["women and peacebuilding"], ["ethno-nationalist"],
     "A weekly radio programme made by women's groups about peace in their districts.",
     "Please add the start year you gave in your email and the resources the programme "
     "needs.", False),
    ("Gaming community moderators against hate", "helsinki",
     CHANGES_REQUESTED, "grounded", "planned", 2025, None,
     ["online harms", "youth engagement"], ["far-right", "misogynist"],
     "Volunteer moderators of local gaming servers learn to respond to hateful talk.",
     "The approach section is one line long; please describe the training and who runs it.",
     False),
    # Submitted and waiting for review.
    ("Sports coaches trained to recognise warning signs", "amman",
     SUBMITTED, "described", "running", 2023, None,
     ["sport", "youth engagement"], ["islamist"],
     "Coaches of youth clubs learn what warning signs look like and whom to call.", "", False),
    ("Interfaith food bank", "colombo",
     SUBMITTED, "described", "running", 2022, None,
     ["interfaith dialogue", "social cohesion"], ["ethno-nationalist"],
     "Temples, mosques and churches run one food bank together, staffed by mixed teams.",
     "", False),
    ("Support groups for families of returning fighters", "dushanbe",
     SUBMITTED, "grounded", "running", 2021, None,
     ["family support", "exit and reintegration"], ["islamist"],
     "Monthly groups where families of returning fighters meet a social worker and each "
     "other.", "", False),
    ("School safety planning with students", "minneapolis",
     SUBMITTED, "described", "planned", 2025, None,
     ["education", "youth engagement"], ["far-right", "mixed-unclear"],
     "Students sit on each school's safety team and help decide how concerns are handled.",
     "", True),
    ("An app for reporting online hate", "christchurch",
     SUBMITTED, "described", "running", 2023, None,
     ["online harms", "hate crime"], ["far-right"],
     "Residents report hateful posts about the city in an app; volunteers review them.",
     "", False),
    # Drafts the authors are still writing.
    ("Mentoring for girls in vocational schools", "kampala",
     DRAFT, "described", "planned", 2025, None,
     ["women and peacebuilding", "education"], ["islamist"],
     "Women working in trades mentor girls in vocational schools.", "", True),
    ("Neighbourhood watch without stigma", "osh",
     DRAFT, "described", "planned", 2026, None,
     ["community policing"], ["ethno-nationalist"],
     "A neighbourhood watch that includes every community and names no group.", "", False),
    ("Museum workshops on the city's shared history", "sarajevo",
     DRAFT, "described", "running", 2024, None,
     ["education", "social cohesion"], ["ethno-nationalist"],
     "Museum educators lead workshops where pupils compare family stories.", "", False),
    ("Radio drama for young listeners", "dakar",
     DRAFT, "described", "planned", 2026, None,
     ["youth engagement"], ["islamist"],
     "A radio series following young characters who face pressure to join a group.",
     "", False),
    ("Night bus for young people", None,
     DRAFT, "described", "planned", None, None,
     ["youth engagement"], [],
     "A late bus with youth workers on board linking outlying districts to the centre.",
     "", False),
]
# fmt: on

# The demo member proposes an update of this published practice; it waits for review.
UPDATE_OF = "youth-exchanges-across-ethnic-and-religious-lines"
UPDATED_OUTCOMES = (
    "Since the first edition, 640 pupils from 18 schools took part. A follow-up survey a "
    "year later found that most still kept in touch with someone from another community."
)

# Practices published with a PDF report attached: slug -> attachment title.
ATTACHMENTS = {
    "a-multi-agency-panel-for-people-at-risk-of-radicalisation": "Panel evaluation summary",
    "police-and-psychiatry-working-as-one-team": "Joint assessment guide",
    "mentors-for-young-people-leaving-extremist-circles": "Mentor training outline",
    "libraries-as-safe-places-for-young-people": "Impact study in brief",
    "a-helpline-for-worried-families-and-professionals": "Helpline annual review",
    "education-and-work-for-people-leaving-prison": "Programme evaluation summary",
}


# The body of each case study, by main theme: what is common to practice of that kind.
# Placeholders: {city}, {themes}.
SECTIONS = {
    "youth engagement": {
        "problem": "Young people in {city} said they had few places to go and little say "
        "in decisions about their neighbourhood. Recruiters, online and offline, offered "
        "belonging and purpose where the city offered little.",
        "approach": "The city gave young people real responsibility: a budget, a space and "
        "adult allies. Youth workers met participants weekly; local partners offered "
        "training, and city departments agreed to answer the young people's proposals "
        "within a month.",
        "target_audience": "Young people aged 14 to 25, with outreach to those who do not "
        "use existing youth services.",
        "lessons": "Young people stay when their ideas lead to visible change. Adults must "
        "share decisions, not only ask for opinions. The approach travels well to cities "
        "with active youth services.",
        "resources_needed": "Two youth workers, a meeting space, a small project budget and "
        "time from city departments to answer proposals.",
    },
    "family support": {
        "problem": "Families in {city} were often the first to notice a relative's drift "
        "towards violent extremism, but did not know whom to ask without fearing police "
        "involvement.",
        "approach": "Trained staff offered confidential conversations, home visits and "
        "group meetings. Families got practical advice on how to keep talking with their "
        "relative, and help with schooling, work or health care where needed.",
        "target_audience": "Parents, siblings and partners of people at risk, and the "
        "professionals who work with them.",
        "lessons": "Trust comes from confidentiality rules that are clear from the first "
        "call. Staff need supervision; cases are long and emotionally heavy.",
        "resources_needed": "Two or three trained counsellors, supervision, a phone line and "
        "agreements with local services for referrals.",
    },
    "exit and reintegration": {
        "problem": "People leaving violent groups in {city}, and those returning from "
        "conflict zones, faced stigma, unemployment and isolation, and some drifted back "
        "to their old networks.",
        "approach": "Each person agreed a plan with a case worker covering housing, "
        "education, work, health and family contact. Local employers and training centres "
        "offered places; community leaders prepared neighbourhoods to receive them.",
        "target_audience": "Adults and young people leaving violent extremist groups or "
        "returning from conflict zones, and their families.",
        "lessons": "Work and a daily routine matter as much as ideology. Reintegration "
        "succeeds when the receiving community is prepared too. Long-term funding is "
        "essential: plans last years, not months.",
        "resources_needed": "Case workers with small caseloads, agreements with employers "
        "and training centres, access to psychological support.",
    },
    "women and peacebuilding": {
        "problem": "Women in {city} carried much of the burden of insecurity but were "
        "rarely consulted when the city planned for safety and prevention.",
        "approach": "Women's groups were given a formal role in planning: they led safety "
        "walks, met officials every quarter and ran their own small projects with city "
        "support.",
        "target_audience": "Women's groups, women leaders in neighbourhoods and markets, and "
        "the officials who plan safety measures.",
        "lessons": "A formal seat at the table matters more than one-off consultations. "
        "Childcare and meeting times decide who can take part.",
        "resources_needed": "A coordinator, meeting costs including childcare, and a small "
        "fund for projects women's groups choose.",
    },
    "online harms": {
        "problem": "Hateful and extremist content reached young people in {city} through "
        "social media and gaming platforms, and teachers and parents felt unable to talk "
        "about it.",
        "approach": "The project trained young people, teachers and youth workers to "
        "recognise manipulation, to talk about what they see online, and to answer with "
        "their own content. Reporting routes to platforms were explained step by step.",
        "target_audience": "Young people aged 12 to 25, teachers, youth workers and parents.",
        "lessons": "Young people are more credible messengers than institutions. Material "
        "dates quickly; plan for yearly updates. Avoid repeating extremist content when "
        "teaching about it.",
        "resources_needed": "Trainers, a small production budget for youth-made content and "
        "time for teachers to take part.",
    },
    "interfaith dialogue": {
        "problem": "Tension between religious communities in {city} rose after incidents "
        "elsewhere, and there was no shared place where leaders could meet before rumours "
        "spread.",
        "approach": "Religious and lay leaders met regularly, visited each other's places "
        "of worship and worked on shared projects. A rapid contact list let them speak with "
        "one voice when tension rose.",
        "target_audience": "Religious leaders, lay members of faith communities and young "
        "people in schools.",
        "lessons": "Relationships built in calm times are what work in a crisis. Include "
        "women and young people, not only senior clergy.",
        "resources_needed": "A coordinator, meeting rooms and a small budget for shared "
        "activities.",
    },
    "hate crime": {
        "problem": "Hate incidents in {city} went largely unreported, so the city and the "
        "police could not see patterns or respond to them.",
        "approach": "Trained community monitors recorded incidents, supported victims and "
        "brought anonymised patterns to a regular meeting with the police and city "
        "departments, which agreed actions and reported back.",
        "target_audience": "Communities targeted by hate, community monitors, police and "
        "city staff.",
        "lessons": "Victims report to people they trust. Data must be anonymised before it "
        "is shared. The meeting needs someone with the authority to act.",
        "resources_needed": "A coordinator, training for monitors, a simple recording tool "
        "and a standing meeting with the police.",
    },
    "mental health": {
        "problem": "Some people referred for concerns about violent extremism in {city} had "
        "untreated mental health needs, and services worked separately without sharing "
        "what they knew.",
        "approach": "Health, social services, education and police staff assessed each case "
        "together and agreed one plan led by one named professional, with consent and "
        "clear information-sharing rules.",
        "target_audience": "People of any age about whom a concern has been raised, and "
        "the professionals around them.",
        "lessons": "Clear rules on consent and data are the foundation. Most cases need "
        "ordinary support, not security measures. Meetings must be regular, not only in "
        "crises.",
        "resources_needed": "A coordinator, time from each participating service, and "
        "access to psychiatric assessment.",
    },
    "social cohesion": {
        "problem": "Neighbourhoods in {city} were becoming more divided, with little contact "
        "between communities and growing distrust of institutions, a climate in which "
        "extremist narratives found an audience.",
        "approach": "The city created regular occasions for residents of different "
        "backgrounds to meet and work on shared goals, and asked its own services to "
        "examine how welcoming they are.",
        "target_audience": "Residents of all backgrounds, neighbourhood associations and "
        "frontline city staff.",
        "lessons": "Shared tasks bring people together better than talks about diversity. "
        "The city must show its own staff reflect the population they serve.",
        "resources_needed": "Neighbourhood staff, small grants for joint projects and "
        "meeting spaces.",
    },
    "education": {
        "problem": "Teachers in {city} met polarising questions in class but had no "
        "training or materials to discuss them, and some avoided the subjects altogether.",
        "approach": "The project built lessons with teachers, trained them to lead open "
        "discussions, and involved parents through evening sessions.",
        "target_audience": "Pupils aged 12 to 18, their teachers and their parents.",
        "lessons": "Teachers need time and backing from school leaders. Lessons work best "
        "when pupils' own questions lead the discussion.",
        "resources_needed": "Teacher training days, classroom materials and a coordinator "
        "in the education department.",
    },
    "sport": {
        "problem": "Young people from different neighbourhoods of {city} rarely met, and "
        "rivalries between areas sometimes turned violent.",
        "approach": "Mixed teams played in regular leagues run by young volunteers, with "
        "short sessions on fair play, conflict and belonging between matches.",
        "target_audience": "Young people aged 12 to 24 and volunteer coaches.",
        "lessons": "Regular leagues achieve more than one-off events. Coaches are role "
        "models and need training and support.",
        "resources_needed": "Pitches, kit, training for coaches and a coordinator.",
    },
    "community policing": {
        "problem": "Trust between residents of {city} and the police was low, so concerns "
        "about violence and recruitment were not shared.",
        "approach": "Named neighbourhood officers met residents regularly, joined community "
        "activities and agreed local priorities with them, separating prevention work from "
        "investigations.",
        "target_audience": "Residents, community leaders and neighbourhood police officers.",
        "lessons": "Trust depends on officers staying in post long enough to be known. "
        "Prevention work must not be used to gather intelligence.",
        "resources_needed": "Dedicated neighbourhood officers and time for joint activities.",
    },
}

# What the practice achieved, by evidence level.
OUTCOMES = {
    "described": "Participants and partners describe better contact between services and "
    "communities. No systematic monitoring has been done yet.",
    "grounded": "The design follows established research on protective factors. Activity "
    "figures are collected, but outcomes have not been measured.",
    "peer_reviewed": "A study published in a peer-reviewed journal describes the programme "
    "and its theory of change, with participant interviews.",
    "promising": "An external evaluation found promising results: participants reported "
    "more trust and better coping, and partners referred people earlier.",
    "effective": "A rigorous evaluation with a comparison group found fewer incidents and "
    "stronger resilience among participants than among similar people not taking part.",
    "no_effect": "An independent evaluation found no measurable effect on the outcomes it "
    "targeted. The team used the findings to redesign the work.",
}


def body(city_name, themes, evidence):
    """The body sections of a case study of main theme `themes[0]` in `city_name`."""
    template = SECTIONS[themes[0]]
    sections = {key: text.format(city=city_name or "the city") for key, text in template.items()}
    sections["outcomes"] = OUTCOMES[evidence]
    return sections


# Practice that builds on another: (slug, adapted from slug).
ADAPTED_FROM = [
    ("youth-opportunity-navigators-in-diaspora-communities",
     "mentors-for-young-people-leaving-extremist-circles"),
    ("after-school-programmes-in-hillside-neighbourhoods",
     "libraries-as-safe-places-for-young-people"),
    ("a-multi-agency-panel-for-people-at-risk-of-radicalisation",
     "police-and-psychiatry-working-as-one-team"),
    ("support-for-returnees-and-their-families",
     "reception-and-reintegration-support-for-returning-women-and-children"),
]  # fmt: skip
