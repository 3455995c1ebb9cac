"""Site-wide demo content: FAQ entries, and a few contact messages and membership
applications for staff to handle in the admin."""

# slug, question, answer
# fmt: off
FAQ = [
    ("what-is-the-network", "What is the Strong Cities Network?",
     "A global network of cities, mayors and local practitioners who prevent violent "
     "extremism and hate by building social cohesion. Members share what they do, learn "
     "from each other and adapt practice to their own context."),
    ("who-can-join", "Which cities can join?",
     "Any city, town, municipality or regional authority that wants to prevent violent "
     "extremism and hate in all its forms. Apply through the Join the network page; staff "
     "will contact you to talk about your city's priorities."),
    ("does-membership-cost", "Does membership cost anything?",
     "No. Membership is free. Members are asked to share their practice, take part in "
     "exchanges and name a contact person in the city administration."),
    ("what-is-a-practice", "What counts as a practice in the library?",
     "A local activity, programme or policy that prevents violent extremism or strengthens "
     "cohesion, described with its context, approach, outcomes and lessons, so that "
     "another city can judge whether to adapt it."),
    ("evidence-levels", "What do the evidence levels mean?",
     "They say how much is known about whether a practice works: from described only, "
     "through theoretically grounded and peer-reviewed, to evaluated as promising, "
     "effective, or with no effect found. A practice without an evaluation can still be "
     "worth learning from."),
    ("how-to-submit", "How do I submit a case study?",
     "Sign in as a member, open Contribute and fill in the form section by section. You "
     "can save a draft at any time. When you submit it, a moderator reviews it and either "
     "publishes it or asks you for changes."),
    ("review-time", "How long does a review take?",
     "Moderators aim to review every submission within two weeks. You can follow its "
     "status under My contributions, where you also see any reasons a moderator gave."),
    ("practitioner-privacy", "Why can I not see practitioners' email addresses?",
     "People working on prevention can be at risk. Profiles are visible to members only "
     "unless the person chooses public listing, and addresses are never shown: members "
     "write through a relay form instead."),
    ("do-no-harm", "What must a case study leave out?",
     "Names of beneficiaries, anything that could identify minors, and details that could "
     "put participants or staff at risk. Authors confirm this before submitting, and "
     "moderators check it."),
]

# name, email, topic, message
CONTACT_MESSAGES = [
    ("Elena Marković", "elena.markovic@example.org", "membership",
     "Our city council discussed joining the network last week. Could someone explain what "
     "a member city is expected to contribute in the first year?"),
    ("Tom Fairweather", "tom.fairweather@example.org", "media",
     "I am writing a feature about local prevention of youth radicalisation and would like "
     "to interview someone from the network."),
    ("Priya Raman", "priya.raman@example.org", "technical",
     "The link to the attachment of one practice downloaded an empty file on my phone. "
     "It worked on my laptop."),
]

# city, country, applicant, role, email, motivation, how they heard
APPLICATIONS = [
    ("Kisumu", "KE", "Achieng Odhiambo", "Director of social services",
     "achieng.odhiambo@example.org",
     "Our county wants to learn from Nairobi and Mombasa how to involve youth councils and "
     "families in prevention.", "member_city"),
    ("Tromsø", "NO", "Henrik Lund", "Safety adviser", "henrik.lund@example.org",
     "We are drafting a local safety plan and would like to compare notes with other "
     "northern cities.", "event"),
    ("Cuenca", "EC", "María José Vega", "Councillor for youth", "mariajose.vega@example.org",
     "After a rise in gang recruitment of teenagers, we want to start after-school "
     "programmes like Quito's.", "partner"),
]
# fmt: on
