"""Case studies of the demo written in French, Arabic and Spanish: the library's language
filter, each case study's `lang`, and search in each language's own stems have something to
show. Sample content: the loader marks each text as such in its own language
(demo.SAMPLE_MARKS)."""

# language, title, city slug, evidence level, stage, start year, end year (or None), themes,
# forms of extremism, summary, {section name: text}
PRACTICES = [
    ("fr", "Des jeunes médiateurs formés dans les quartiers périphériques", "dakar",
     "promising", "running", 2019, None,
     ["youth engagement", "social cohesion"], ["islamist", "mixed-unclear"],
     "Dans les quartiers périphériques de Dakar, des jeunes formés à la médiation apaisent les "
     "conflits entre voisins et orientent leurs pairs vers les services sociaux et d’emploi.",
     {"problem": "Dans plusieurs communes de la périphérie, les jeunes se disaient tenus à "
      "l’écart des décisions locales et sans perspective d’emploi. Des conflits de voisinage "
      "dégénéraient parfois en affrontements entre bandes, et des discours extrémistes "
      "circulaient dans certains groupes de discussion en ligne. Les structures existantes "
      "touchaient peu les jeunes sortis de l’école.",
      "approach": "La Ville, avec les mairies de commune et des associations locales, recrute "
      "et forme chaque année une trentaine de jeunes médiateurs, filles et garçons. La "
      "formation de six semaines porte sur l’écoute, la médiation des conflits et "
      "l’orientation vers les services sociaux, de santé et d’emploi. Les médiateurs "
      "travaillent en binôme, reçoivent une indemnité et rencontrent chaque semaine un "
      "superviseur.",
      "target_audience": "Les jeunes de 15 à 30 ans, en particulier ceux qui ont quitté "
      "l’école ou ne fréquentent aucune structure de jeunesse, ainsi que leurs familles et les "
      "responsables associatifs et religieux de leur voisinage. Les médiateurs sont eux-mêmes "
      "des jeunes de 18 à 30 ans, choisis pour leur connaissance du terrain.",
      "outcomes": "Une évaluation externe menée en 2022 fait état de résultats prometteurs : "
      "les habitants interrogés signalent moins d’affrontements entre bandes, et les "
      "orientations vers les services d’emploi ont doublé. Les médiateurs disent avoir gagné "
      "en confiance et en reconnaissance. L’évaluation ne mesure pas encore d’effet sur "
      "l’adhésion aux discours extrémistes.",
      "lessons": "Les médiateurs sont crédibles parce qu’ils viennent des mêmes rues que les "
      "jeunes qu’ils rencontrent ; il faut préserver cette proximité sans les exposer. "
      "L’indemnité et la supervision régulière évitent l’épuisement et les départs. La "
      "médiation ne doit jamais servir à recueillir du renseignement, sous peine de perdre la "
      "confiance des habitants.",
      "resources_needed": "Un coordinateur à la Ville, un superviseur pour quinze médiateurs, "
      "une indemnité mensuelle, des locaux de rencontre et des accords d’orientation avec les "
      "services sociaux et d’emploi. La première année, une part importante du budget va à la "
      "formation initiale."}),
    ("fr", "Un réseau communautaire pour accompagner les victimes d’actes haineux", "montreal",
     "grounded", "running", 2020, None,
     ["hate crime", "community policing"], ["far-right", "mixed-unclear"],
     "Des organismes communautaires formés accueillent les personnes visées par des crimes et "
     "incidents haineux, les accompagnent dans leurs démarches et transmettent à la Ville un "
     "portrait anonymisé des tendances.",
     {"problem": "Beaucoup de personnes visées par des propos ou des gestes haineux à Montréal "
      "ne portaient pas plainte, par méfiance envers les institutions ou par crainte de ne pas "
      "être crues. La Ville et le service de police n’avaient donc qu’un portrait très partiel "
      "de la situation, surtout lors des hausses d’incidents liées à l’actualité "
      "internationale.",
      "approach": "La Ville finance un réseau d’organismes communautaires déjà connus des "
      "communautés visées. Leurs intervenants sont formés à l’accueil des victimes, à la "
      "collecte de signalements anonymes et à l’accompagnement vers la plainte, les soins ou "
      "l’aide juridique, selon le choix de la personne. Une table de concertation réunit "
      "chaque trimestre le réseau, la police et les services municipaux pour convenir "
      "d’actions.",
      "target_audience": "Les personnes et communautés visées en raison de leur religion, de "
      "leur origine, de leur orientation sexuelle ou de leur identité de genre, ainsi que les "
      "intervenants communautaires et les policiers qui les reçoivent. Les organismes du réseau "
      "offrent leurs services en plusieurs langues.",
      "outcomes": "Le modèle s’appuie sur la recherche portant sur le sous-signalement des "
      "crimes haineux et sur les pratiques reconnues d’aide aux victimes. Le réseau compile le "
      "nombre de signalements et d’accompagnements, en hausse chaque année, mais l’effet sur "
      "la confiance des victimes n’a pas encore été mesuré.",
      "lessons": "Les victimes se confient d’abord à des gens qu’elles connaissent : le réseau "
      "doit s’appuyer sur des organismes bien enracinés plutôt qu’en créer de nouveaux. Les "
      "données ne sont partagées qu’agrégées et anonymisées. La table de concertation n’est "
      "utile que si un responsable municipal peut engager des actions et en rendre compte.",
      "resources_needed": "Un financement pluriannuel pour les organismes, une formation "
      "commune, un outil simple de saisie des signalements et une personne à la coordination "
      "à la Ville. Des heures de supervision clinique sont prévues pour les intervenants."}),
    ("ar", "تمكين الشباب من التفكير النقدي في مواجهة المحتوى المتطرف على الإنترنت", "amman",
     "peer_reviewed", "ended", 2018, 2022,
     ["online harms", "youth engagement"], ["islamist", "mixed-unclear"],
     "ورش عمل في المراكز الشبابية والمكتبات العامة تدرّب الشباب على تمييز أساليب التضليل "
     "والاستقطاب على الإنترنت، ثم ينتجون محتوى رقمياً خاصاً بهم بلغة أقرانهم.",
     {"problem": "لاحظ العاملون مع الشباب في عمّان أن كثيراً من المراهقين يتعرضون على منصات "
      "التواصل الاجتماعي لمحتوى يحرّض على الكراهية أو يروّج لجماعات متطرفة، من دون أن "
      "يملكوا أدوات لتقييمه. وكان المعلمون والأهالي يترددون في فتح هذا الموضوع خشية أن "
      "يُفهم على أنه اتهام.",
      "approach": "صممت أمانة عمّان الكبرى مع جامعة محلية وجمعيات شبابية برنامجاً من عشر "
      "جلسات في المراكز الشبابية والمكتبات العامة. يتعلم المشاركون التحقق من المصادر "
      "والتعرف على أساليب الاستمالة العاطفية، من غير عرض أي محتوى متطرف حقيقي. وفي نهاية "
      "البرنامج تنتج كل مجموعة حملة رقمية قصيرة عن قضية تهم منطقتها، بمساندة مدربين في "
      "الإعلام.",
      "target_audience": "الشباب والشابات من عمر 15 إلى 24 عاماً في مختلف مناطق المدينة، مع "
      "أولوية للمناطق الأقل حظاً من الخدمات، إضافة إلى المعلمين والميسّرين العاملين في "
      "المراكز الشبابية. ولا يشترط البرنامج أي معرفة تقنية مسبقة.",
      "outcomes": "نُشرت في مجلة علمية محكّمة دراسة تصف البرنامج ونظرية التغيير التي يقوم "
      "عليها، استناداً إلى مقابلات مع مشاركين وميسّرين. وتشير الدراسة إلى أن المشاركين "
      "صاروا أكثر ثقة في مناقشة ما يرونه على الإنترنت مع أقرانهم وأسرهم، لكنها لم تقِس "
      "الأثر على المدى البعيد.",
      "lessons": "الشباب أقدر على إقناع أقرانهم من أي مؤسسة رسمية، لذلك ينبغي أن يكون لهم "
      "القرار في المحتوى الذي ينتجونه. وتتقادم المواد التدريبية بسرعة مع تغيّر المنصات، "
      "فلا بد من مراجعتها كل عام. ومن الضروري تجنب إعادة نشر المحتوى المتطرف أثناء "
      "التدريب.",
      "resources_needed": "ميسّرون مدرَّبون، وقاعات مجهزة بالإنترنت في المراكز الشبابية، "
      "وميزانية صغيرة لإنتاج المحتوى، ووقت مخصص من الجامعة الشريكة للمتابعة. "
      "ويكفي ميسّران اثنان لكل مجموعة من عشرين مشاركاً."}),
    ("ar", "حلقات إصغاء ودعم للأمهات القلقات على أبنائهن", "rabat",
     "described", "running", 2022, None,
     ["family support", "women and peacebuilding"], ["islamist"],
     "تلتقي الأمهات مرة كل شهر في المراكز الاجتماعية مع مرشدات مدرَّبات، لتبادل مخاوفهن "
     "بشأن أبنائهن ومعرفة الجهات التي يمكن اللجوء إليها في وقت مبكر.",
     {"problem": "كثيراً ما تكون الأمهات أول من يلاحظ تغيّر سلوك أحد الأبناء أو انعزاله أو "
      "انجذابه إلى خطاب متشدد، لكنهن لا يعرفن إلى من يتوجهن دون خوف من الوصم أو من تدخل "
      "أمني. وكانت الخدمات الاجتماعية في المدينة قلّما تصل إلى هذه الأسر قبل تفاقم "
      "الأوضاع.",
      "approach": "بشراكة بين الجماعة وجمعيات نسائية محلية، تُنظَّم حلقات شهرية صغيرة "
      "تديرها مساعدات اجتماعيات ومرشدات دينيات تلقين تكويناً في الإصغاء والتوجيه. تتبادل "
      "المشاركات تجاربهن في جو من السرية، ويحصلن على معلومات عملية عن الدعم المدرسي والصحة "
      "النفسية والتشغيل. وعند الحاجة تُوجَّه الأسرة، بموافقتها، إلى المصلحة المختصة.",
      "target_audience": "أمهات وجدّات وأخوات كبريات لمراهقين وشبان يثيرون قلق أسرهم، إضافة "
      "إلى المرشدات والعاملين الاجتماعيين الذين يستقبلونهن. والمشاركة مفتوحة "
      "لكل أم تطلبها، دون أي شرط أو تسجيل لبيانات الأبناء.",
      "outcomes": "تصف المشاركات والشركاء تحسناً في التواصل بين الأسر والخدمات الاجتماعية، "
      "وتقول أمهات كثيرات إنهن صرن أقدر على الحوار مع أبنائهن. ولم تُجرَ حتى الآن متابعة "
      "منهجية، ويجري إعداد استمارة بسيطة لقياس الأثر.",
      "lessons": "تُبنى الثقة على قواعد سرية واضحة منذ اللقاء الأول، وعلى الفصل التام بين "
      "هذه الحلقات وأي عمل أمني. ومواعيد اللقاءات وتوفير رعاية للأطفال الصغار هما ما يحدد "
      "من تستطيع الحضور. وتحتاج المرشدات إلى إشراف منتظم لأن بعض الحالات ثقيلة نفسياً.",
      "resources_needed": "منسقة في الجماعة، ومرشدات مدرَّبات، وقاعات في المراكز "
      "الاجتماعية، وميزانية صغيرة للتنقل ورعاية الأطفال، واتفاقات توجيه مع المصالح الصحية "
      "والتعليمية. ولا تحتاج الحلقات إلى تجهيزات خاصة، بل إلى مكان هادئ يحفظ خصوصية "
      "المشاركات."}),
    ("es", "Docentes que responden a la xenofobia en las escuelas que reciben a niños migrantes",
     "medellin", "promising", "running", 2021, None,
     ["education", "hate crime"], ["mixed-unclear"],
     "Docentes de escuelas públicas se forman para reconocer y responder al discurso de odio "
     "contra estudiantes migrantes, con pactos de convivencia construidos junto a las familias "
     "y los propios estudiantes.",
     {"problem": "Con la llegada de miles de familias migrantes a Medellín, los colegios "
      "públicos recibieron en pocos años a muchos estudiantes nuevos. Los docentes observaron "
      "burlas, apodos y exclusión por el acento o la nacionalidad, que a veces terminaban en "
      "agresiones físicas o en mensajes de odio en los grupos de chat. Muchos no sabían cómo "
      "intervenir sin exponer aún más a los niños afectados.",
      "approach": "La Secretaría de Educación diseñó con universidades locales un diplomado "
      "de 80 horas para docentes y orientadores sobre discurso de odio, xenofobia y manejo de "
      "conflictos en el aula. Cada institución participante construyó con estudiantes y "
      "familias un pacto de convivencia y una ruta clara para atender los casos. Un equipo "
      "psicosocial acompaña a los planteles que lo solicitan.",
      "target_audience": "Estudiantes de 8 a 17 años, migrantes y colombianos, sus docentes, "
      "los orientadores escolares y las familias. También participan los directivos, que "
      "aprueban el pacto de convivencia de cada institución.",
      "outcomes": "Una evaluación externa encontró resultados prometedores: los estudiantes "
      "migrantes de las instituciones participantes dicen sentirse más seguros, y los docentes "
      "intervienen antes y con más confianza. Los casos de agresión registrados bajaron, "
      "aunque en parte puede deberse a cambios en la forma de registrarlos.",
      "lessons": "La formación funciona cuando los directivos la respaldan y liberan tiempo "
      "para los docentes. Los pactos de convivencia tienen más efecto cuando los estudiantes "
      "los redactan con sus propias palabras. Nunca se señala a un estudiante afectado frente "
      "al grupo: la respuesta se dirige a la conducta, no a la persona.",
      "resources_needed": "Horas de formación reconocidas para los docentes, un equipo "
      "psicosocial compartido entre varias instituciones, materiales pedagógicos y una persona "
      "coordinadora en la Secretaría de Educación. Los materiales se actualizan cada año con "
      "los aportes de los propios docentes."}),
    ("es", "Acompañamiento a adolescentes al salir de centros de internamiento", "quito",
     "no_effect", "ended", 2018, 2022,
     ["exit and reintegration", "mental health"], ["mixed-unclear"],
     "Un programa municipal de acompañamiento psicosocial y formación para adolescentes que "
     "terminaban una medida de internamiento; la evaluación no halló efectos medibles y sus "
     "lecciones orientaron un nuevo diseño.",
     {"problem": "Los adolescentes que terminaban una medida socioeducativa de internamiento "
      "en Quito volvían a menudo a los mismos entornos sin estudios, sin trabajo y con pocos "
      "vínculos fuera de los grupos violentos que los habían captado. Las instituciones que "
      "los atendían dentro y fuera de los centros no compartían información ni planes.",
      "approach": "El Municipio financió un equipo de tutores que establecía contacto tres "
      "meses antes de la salida y acompañaba a cada adolescente durante un año. El plan "
      "individual combinaba apoyo psicológico, nivelación de estudios, talleres de oficios y "
      "reuniones con la familia. Las sesiones se realizaban en centros comunitarios y nunca en "
      "dependencias policiales.",
      "target_audience": "Adolescentes de 14 a 18 años que cumplían una medida de "
      "internamiento, y sus familias. La participación era voluntaria y no formaba parte de la "
      "medida judicial.",
      "outcomes": "Una evaluación independiente comparó a los participantes con un grupo de "
      "adolescentes de características similares y no encontró diferencias medibles en "
      "reincidencia ni en el regreso a los estudios. Los participantes valoraron la relación "
      "con sus tutores, pero muchos abandonaron el programa en los primeros meses. El equipo "
      "usó estos resultados para rediseñar el acompañamiento.",
      "lessons": "Un año resultó demasiado corto, y el contacto se perdía cuando la familia "
      "cambiaba de domicilio. Los talleres de oficios sin vínculo con empleadores reales "
      "generaron frustración. El nuevo diseño prioriza la inserción laboral acompañada y "
      "trabaja con toda la familia, no solo con el adolescente.",
      "resources_needed": "Tutores con pocos casos cada uno, supervisión clínica, acuerdos con "
      "los centros de internamiento y con empleadores, y financiamiento plurianual. El "
      "acompañamiento debe poder extenderse más allá de un año cuando el caso lo requiere."}),
]  # fmt: skip
