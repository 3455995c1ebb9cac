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


# The FAQ in the portal's other languages: {slug: {code: (question, answer)}}.
FAQ_TRANSLATIONS = {
    "what-is-the-network": {
        "fr": (
            "Qu’est-ce que le Strong Cities Network ?",
            "Un réseau mondial de villes, de maires et de praticiens locaux qui préviennent "
            "l’extrémisme violent et la haine en renforçant la cohésion sociale. Les membres "
            "partagent ce qu’ils font, apprennent les uns des autres et adaptent les pratiques à "
            "leur propre contexte.",
        ),
        "ar": (
            "ما هي Strong Cities Network؟",
            "شبكة عالمية من المدن ورؤساء البلديات والممارسين المحليين الذين يعملون على منع "
            "التطرف العنيف والكراهية من خلال بناء التماسك الاجتماعي. يتبادل الأعضاء تجاربهم فيما "
            "يقومون به، ويتعلّم بعضهم من بعض، ويكيّفون الممارسات مع سياقاتهم الخاصة.",
        ),
        "es": (
            "¿Qué es la Strong Cities Network?",
            "Una red mundial de ciudades, alcaldes y profesionales locales que previenen el "
            "extremismo violento y el odio fortaleciendo la cohesión social. Los miembros "
            "comparten lo que hacen, aprenden unos de otros y adaptan las prácticas a su propio "
            "contexto.",
        ),
    },
    "who-can-join": {
        "fr": (
            "Quelles villes peuvent rejoindre le réseau ?",
            "Toute ville, commune, municipalité ou collectivité régionale qui souhaite prévenir "
            "l’extrémisme violent et la haine sous toutes leurs formes. Déposez votre "
            "candidature sur la page « Rejoindre le réseau » ; l’équipe du réseau vous "
            "contactera pour échanger sur les priorités de votre ville.",
        ),
        "ar": (
            "ما المدن التي يمكنها الانضمام؟",
            "يمكن لأي مدينة أو بلدة أو بلدية أو سلطة إقليمية تسعى إلى منع التطرف العنيف "
            "والكراهية بجميع أشكالهما أن تنضم إلى الشبكة. قدّم طلبك عبر صفحة «الانضمام إلى "
            "الشبكة»، وسيتواصل معك فريق العمل لمناقشة أولويات مدينتك.",
        ),
        "es": (
            "¿Qué ciudades pueden unirse?",
            "Cualquier ciudad, localidad, municipio o autoridad regional que quiera prevenir el "
            "extremismo violento y el odio en todas sus formas. Presente su solicitud en la "
            "página «Unirse a la red»; el equipo se pondrá en contacto con usted para conversar "
            "sobre las prioridades de su ciudad.",
        ),
    },
    "does-membership-cost": {
        "fr": (
            "L’adhésion est-elle payante ?",
            "Non. L’adhésion est gratuite. Il est demandé aux membres de partager leurs "
            "pratiques, de participer aux échanges et de désigner une personne à contacter au "
            "sein de l’administration municipale.",
        ),
        "ar": (
            "هل تترتب على العضوية أي تكاليف؟",
            "لا، العضوية مجانية. ويُطلب من الأعضاء أن يشاركوا ممارساتهم، وأن يسهموا في أنشطة "
            "تبادل الخبرات، وأن يسمّوا شخصًا مسؤولًا عن التواصل في إدارة المدينة.",
        ),
        "es": (
            "¿La membresía tiene algún costo?",
            "No. La membresía es gratuita. Se pide a los miembros que compartan sus prácticas, "
            "participen en los intercambios y designen a una persona de contacto en la "
            "administración municipal.",
        ),
    },
    "what-is-a-practice": {
        "fr": (
            "Qu’entend-on par « pratique » dans la bibliothèque de pratiques ?",
            "Une activité, un programme ou une politique menés à l’échelle locale pour prévenir "
            "l’extrémisme violent ou renforcer la cohésion. La pratique est décrite avec son "
            "contexte, sa démarche, ses résultats et ses enseignements, afin qu’une autre ville "
            "puisse juger de l’opportunité de l’adapter.",
        ),
        "ar": (
            "ما الذي يُعدّ ممارسة في مكتبة الممارسات؟",
            "نشاط أو برنامج أو سياسة على المستوى المحلي تسهم في منع التطرف العنيف أو في تعزيز "
            "التماسك. وتُعرض الممارسة مع سياقها ونهجها ونتائجها والدروس المستفادة منها، بحيث "
            "تستطيع مدينة أخرى أن تقدّر ما إذا كان من المناسب تكييفها مع واقعها.",
        ),
        "es": (
            "¿Qué se considera una práctica en la biblioteca de prácticas?",
            "Una actividad, un programa o una política local que previene el extremismo violento "
            "o fortalece la cohesión. La práctica se describe con su contexto, su enfoque, sus "
            "resultados y sus lecciones aprendidas, para que otra ciudad pueda valorar si le "
            "conviene adaptarla.",
        ),
    },
    "evidence-levels": {
        "fr": (
            "Que signifient les niveaux de preuve ?",
            "Ils indiquent ce que l’on sait de l’efficacité d’une pratique : de la pratique "
            "simplement décrite à la pratique évaluée, jugée prometteuse, efficace ou sans effet "
            "constaté, en passant par la pratique fondée sur la théorie et la pratique examinée "
            "par des pairs. Une pratique qui n’a pas fait l’objet d’une évaluation peut tout de "
            "même être riche d’enseignements.",
        ),
        "ar": (
            "ماذا تعني مستويات الأدلة؟",
            "تبيّن هذه المستويات مقدار ما هو معروف عن نجاعة الممارسة: بدءًا من الممارسة الموصوفة "
            "فقط، مرورًا بالممارسة المستندة إلى أساس نظري والممارسة التي خضعت لمراجعة الأقران، "
            "وصولًا إلى الممارسة التي قُيّمت فتبيّن أنها واعدة أو فعّالة أو لم يثبت لها أثر. ومع "
            "ذلك، يمكن أن تقدّم الممارسة التي لم تخضع للتقييم دروسًا قيّمة.",
        ),
        "es": (
            "¿Qué significan los niveles de evidencia?",
            "Indican cuánto se sabe sobre la eficacia de una práctica: desde la práctica solo "
            "descrita, pasando por la que tiene fundamento teórico y la revisada por pares, "
            "hasta la evaluada como prometedora, eficaz o sin efecto comprobado. Una práctica "
            "sin evaluación también puede aportar enseñanzas valiosas.",
        ),
    },
    "how-to-submit": {
        "fr": (
            "Comment soumettre une étude de cas ?",
            "Connectez-vous en tant que membre, ouvrez la page « Contribuer » et remplissez le "
            "formulaire section par section. Vous pouvez enregistrer un brouillon à tout moment. "
            "Une fois l’étude de cas soumise, un modérateur l’examine, puis la publie ou vous "
            "demande des modifications.",
        ),
        "ar": (
            "كيف أرسل دراسة حالة؟",
            "سجّل الدخول بصفتك عضوًا، وافتح صفحة «ساهِم»، ثم املأ النموذج قسمًا تلو الآخر. يمكنك "
            "حفظ مسودة في أي وقت. وعندما ترسل دراسة الحالة، يراجعها أحد المشرفين، ثم ينشرها أو "
            "يطلب منك إجراء تعديلات عليها.",
        ),
        "es": (
            "¿Cómo envío un estudio de caso?",
            "Inicie sesión como miembro, abra la página «Contribuir» y complete el formulario "
            "sección por sección. Puede guardar un borrador en cualquier momento. Cuando envíe "
            "el estudio de caso, un moderador lo revisa y lo publica o le pide cambios.",
        ),
    },
    "review-time": {
        "fr": (
            "Combien de temps dure l’examen ?",
            "Les modérateurs s’efforcent d’examiner chaque contribution soumise dans un délai de "
            "deux semaines. Vous pouvez en suivre le statut dans « Mes contributions », où "
            "figurent aussi les éventuels motifs indiqués par un modérateur.",
        ),
        "ar": (
            "كم تستغرق المراجعة؟",
            "يسعى المشرفون إلى مراجعة كل مساهمة مُرسَلة في غضون أسبوعين. ويمكنك متابعة حالتها في "
            "صفحة «مساهماتي»، حيث تجد أيضًا أي أسباب أبداها المشرف.",
        ),
        "es": (
            "¿Cuánto tarda la revisión?",
            "Los moderadores procuran revisar cada contribución enviada en un plazo de dos "
            "semanas. Puede seguir su estado en «Mis contribuciones», donde también verá los "
            "motivos que haya indicado un moderador, si los hay.",
        ),
    },
    "practitioner-privacy": {
        "fr": (
            "Pourquoi ne puis-je pas voir l’adresse e-mail des praticiens ?",
            "Les personnes qui œuvrent dans la prévention peuvent être exposées à des risques. "
            "Les profils ne sont visibles que par les membres, sauf si la personne choisit de "
            "rendre le sien public, et les adresses ne sont jamais affichées : les membres "
            "écrivent plutôt au moyen d’un formulaire qui transmet leur message.",
        ),
        "ar": (
            "لماذا لا أستطيع رؤية عناوين البريد الإلكتروني للممارسين؟",
            "قد يتعرّض العاملون في مجال الوقاية للخطر. لذلك لا تظهر الملفات الشخصية إلا للأعضاء، "
            "ما لم يختر صاحب الملف إدراجه علنًا، ولا تُعرض عناوين البريد الإلكتروني أبدًا؛ "
            "وبدلًا من ذلك، يراسل الأعضاء الممارسين عبر نموذج مراسلة يتولى نقل رسائلهم.",
        ),
        "es": (
            "¿Por qué no puedo ver las direcciones de correo electrónico de los profesionales?",
            "Las personas que trabajan en prevención pueden correr riesgos. Los perfiles solo "
            "son visibles para los miembros, salvo que la persona elija que el suyo aparezca "
            "públicamente, y las direcciones nunca se muestran: los miembros escriben, en "
            "cambio, a través de un formulario que reenvía su mensaje.",
        ),
    },
    "do-no-harm": {
        "fr": (
            "Quelles informations une étude de cas ne doit-elle pas contenir ?",
            "Le nom des bénéficiaires, tout élément permettant d’identifier des mineurs et tout "
            "détail susceptible d’exposer les participants ou le personnel à des risques. Les "
            "auteurs le confirment avant de soumettre leur étude de cas, et les modérateurs le "
            "vérifient.",
        ),
        "ar": (
            "ما الذي يجب ألا تتضمنه دراسة الحالة؟",
            "أسماء المستفيدين، وأي معلومات قد تكشف هوية القاصرين، وأي تفاصيل قد تعرّض المشاركين "
            "أو العاملين للخطر. ويؤكد المؤلفون ذلك قبل إرسال دراسة الحالة، ويتحقق منه المشرفون.",
        ),
        "es": (
            "¿Qué debe omitir un estudio de caso?",
            "Los nombres de los beneficiarios, cualquier dato que permita identificar a menores "
            "de edad y los detalles que puedan poner en riesgo a los participantes o al "
            "personal. Los autores lo confirman antes de enviarlo y los moderadores lo "
            "comprueban.",
        ),
    },
}  # fmt: skip

# The demo's themes and focus areas named in the portal's other languages: {tag: (fr, ar, es)}.
TAG_NAMES = {
    "case management": ("suivi individuel", "إدارة الحالات", "gestión de casos"),
    "civic education": ("éducation civique", "التربية المدنية", "educación cívica"),
    "community policing": ("police de proximité", "الشرطة المجتمعية", "policía comunitaria"),
    "data analysis": ("analyse de données", "تحليل البيانات", "análisis de datos"),
    "education": ("éducation", "التعليم", "educación"),
    "exit and reintegration": (
        "sortie et réinsertion", "الخروج وإعادة الإدماج", "salida y reintegración"
    ),
    "family support": ("soutien aux familles", "دعم الأسر", "apoyo a las familias"),
    "hate crime": ("crimes de haine", "جرائم الكراهية", "delitos de odio"),
    "interfaith dialogue": (
        "dialogue interreligieux", "الحوار بين الأديان", "diálogo interreligioso"
    ),
    "media literacy": ("éducation aux médias", "التربية الإعلامية", "alfabetización mediática"),
    "mediation": ("médiation", "الوساطة", "mediación"),
    "mental health": ("santé mentale", "الصحة النفسية", "salud mental"),
    "mentoring": ("mentorat", "الإرشاد", "mentoría"),
    "online harms": ("dangers en ligne", "الأضرار عبر الإنترنت", "daños en línea"),
    "social cohesion": ("cohésion sociale", "التماسك الاجتماعي", "cohesión social"),
    "sport": ("sport", "الرياضة", "deporte"),
    "trauma care": ("prise en charge des traumatismes", "رعاية الصدمات", "atención al trauma"),
    "women and peacebuilding": (
        "femmes et consolidation de la paix", "المرأة وبناء السلام", "mujeres y construcción de paz"
    ),
    "youth engagement": ("engagement des jeunes", "إشراك الشباب", "participación juvenil"),
}  # fmt: skip
