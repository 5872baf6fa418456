/**
 * Hand-written fictional notes, in the free style of real screeners' notes (bullets,
 * abbreviations, run-on sentences), kept apart from the template corpus because the
 * detectors were not tuned on them before their first measurement (docs/reports.md
 * gives both figures). Markup: {{kind:text}} is a planted identifier not given in any
 * field, {{kind*:text}} one whose value is also given in a direct field, and
 * {{ord-kind:text}} an ordinary word the report must keep. Every person, number and
 * address here is invented.
 */
import type { RedactionKind } from '../../../src/report/redaction/index.js';
import type { CorpusNote, DirectFields, OrdinaryKind, Planted } from './generate.js';
import type { Lang } from './pools.js';

interface Raw {
  readonly lang: Lang;
  readonly fields: DirectFields;
  readonly text: string;
}

const RAW: readonly Raw[] = [
  {
    lang: 'en',
    fields: {
      full_name: 'Grace Oghenekaro',
      recruiter_name: 'Madam Joy Efe',
      phone: '+234 806 555 0142',
      passport_number: 'A07351946',
      date_of_birth: '1999-08-21',
      address: '7 Sapele Road, Benin City',
      email: 'grace.ogh99@example.com',
    },
    text: `- {{name*:Grace}} (prefers "{{name*:Gracie}}") came to the drop-in on {{ord-event_date:14 Feb 2024}} with a friend.
- Recruited by a woman she calls {{name*:Madam Joy}} at church in {{ord-city:Benin City}}. Promised hairdressing job in {{ord-country:Italy}}.
- Swore an oath before leaving ("juju"). Debt said to be {{ord-amount:€35,000}}.
- Her old number {{phone*:0806 555 0142}} is with {{name*:Joy}}; new one {{phone:+39 345 555 0199}}, safe to text.
- DOB given as {{date_of_birth*:21/08/99}}, passport no {{id_number*:A07351946}} (kept by madam).`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Dumitru Rusu',
      recruiter_name: 'Vasile',
      phone: '+40 744 555 201',
      passport_number: '052719385',
      date_of_birth: '1984-01-30',
      address: 'Str. Florilor 12, Iasi',
      email: 'd.rusu84@example.net',
    },
    text: `Mr {{name*:Rusu}} worked on a building site near {{ord-city:Manchester}} from {{ord-event_date:March 2022}} to {{ord-event_date:Nov 2023}}. Found the job through a Facebook ad posted by {{name*:Vasile}} ({{phone:07700 900481}}).
Paid {{ord-amount:£20}} a day cash, 12-hour shifts, slept in a van. {{name*:DUMITRU}} says another worker, {{name:Costel Avram}}, was beaten in {{ord-event_date:August 2023}}.
Wife's number in {{ord-country:Romania}}: {{phone:0744 555 309}}. Born {{date_of_birth*:30 Jan 1984}}. Wants to go home.`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Nguyen Thi Mai',
      recruiter_name: 'Anh Tuan',
      phone: '+84 912 555 017',
      passport_number: 'C4481093',
      date_of_birth: '2006-05-02',
      address: '',
      email: 'maimai.2006@example.com',
    },
    text: `Young woman, says she is 17 (DOB {{date_of_birth*:02.05.2006}}), from {{ord-country:Vietnam}}. Brought through {{ord-country:Russia}} and {{ord-country:France}} in a lorry, then to a nail bar in {{ord-city:Birmingham}}.
{{name*:Mai}} owes "{{ord-amount:£28,000}}" to {{name*:Anh Tuan}}, who keeps her passport {{id_number*:C 4481093}}.
Email {{email*:maimai.2006@example.com}} is monitored by the boss. Older sister {{name:Nguyen Thi Hong}} (born {{date_of_birth:11/09/2001}}) still in Nghe An.`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Samuel Tesfaye',
      recruiter_name: 'Kidane',
      phone: '+251 911 555 832',
      passport_number: 'EP2219004',
      date_of_birth: '1996-12-03',
      address: '',
      email: 'sam.tes@example.org',
    },
    text: `Samuel arrived via {{ord-country:Libya}} and {{ord-country:Italy}}. Held in a warehouse in {{ord-city:Tripoli}} for 5 months; family paid {{ord-amount:$4,500}} to an account in Dubai, IBAN {{iban:AE07 0331 2345 6789 0123 456}}.
Smuggler known as {{name*:Kidane}} — contact {{phone:+218 91 555 7731}}.
{{name*:Tesfaye}} is now in {{ord-city:Calais}}. Date of birth {{date_of_birth*:3 December 1996}}. Contact through {{email*:sam.tes@example.org}} only.`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Li Wei',
      recruiter_name: '',
      phone: '',
      passport_number: 'E88321457',
      date_of_birth: '1979-10-10',
      address: 'Flat 2, 41 Holloway Road, London N7 8JP',
      email: '',
    },
    text: `Ms Li (we use Li Wei; Chinese name {{name:李伟}}) works in a massage parlour at {{address*:41 Holloway Road}}, {{ord-city:London}}. Lives upstairs, {{address*:Flat 2}}. Hours 10am-2am, 7 days.
Passport {{id_number*:E88321457}} "with the agency". Her son {{name:Li Ming}} was born on {{date_of_birth:4 July 2010}}.
Paid {{ord-amount:£300}} a month. Arrived {{ord-event_date:2019-06-15}} on a tourist visa.`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Rosa Mamani',
      recruiter_name: 'Don Efraín',
      phone: '',
      passport_number: '',
      date_of_birth: '2008-03-17',
      address: '',
      email: '',
    },
    text: `Referred by school. {{name*:Rosa}}, 16, domestic work for a family since {{ord-event_date:January 2023}}; not allowed out. Recruiter "{{name*:Don Efraín}}" brought her from {{ord-country:Bolivia}}.
Family employer: Mr and Mrs {{name:Whitcombe}}, 18 Larch Avenue, Guildford GU1 3QT. Tel {{phone:01483 555 014}}.
{{name*:ROSA MAMANI}} born {{date_of_birth*:17-03-2008}}. Needs guardian.`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Olumide Bankole',
      recruiter_name: 'Chief Adewale',
      phone: '+44 7700 900733',
      passport_number: 'A11093652',
      date_of_birth: '1991-07-25',
      address: '12 Lea Bridge Road, London E5 9QB',
      email: '',
    },
    text: `Client ({{name*:Olumide}}) worked as a care worker; recruiter {{name*:Chief Adewale}} took {{ord-amount:£9,000}} in "visa fees". Agency: Bright Homecare Ltd. Payslips show deductions.
Lives at {{address*:12 Lea Bridge Rd, E5 9QB}}. Mobile {{phone*:07700900733}}. NI number {{id_number:QQ 12 34 56 C}}.
He arrived on {{ord-event_date:9 September 2022}}. DOB {{date_of_birth*:25.07.1991}}. Wants advice on his visa.`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Ana Lúcia Ferreira',
      recruiter_name: 'Marcos',
      phone: '+351 912 555 443',
      passport_number: 'CB123456',
      date_of_birth: '1993-02-14',
      address: '',
      email: 'analuciaf@example.pt',
    },
    text: `Ana Lúcia, Brazilian, came via {{ord-country:Portugal}}. Works cleaning offices at night in {{ord-city:Dublin}}; {{name*:Marcos}} keeps her bank card.
Account: {{iban:IE29 AIBK 9311 5212 3456 78}}. Her phone {{phone*:912 555 443}}. Sister in São Paulo — {{phone:+55 11 95555 0123}}.
Her e-mail {{email*:analuciaf (at) example (dot) pt}}. Born {{date_of_birth*:February 14, 1993}}.`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Joseph Kamara',
      recruiter_name: 'Abu',
      phone: '',
      passport_number: '',
      date_of_birth: '',
      address: '',
      email: '',
    },
    text: `Fishing boat, 2 years. {{name*:Joseph}} says the captain (Captain {{name:Somsak}}) beat crew members. Paid nothing, told he owed {{ord-amount:50,000 baht}}.
Escaped at port in {{ord-country:Thailand}} on {{ord-event_date:5 May 2021}}. Other crew: {{name:Mohamed Sesay}}, {{name:Ibrahim Conteh}}.
{{name*:Abu}} in Freetown recruited them.`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Yulia Marchenko',
      recruiter_name: 'Sergei',
      phone: '+380 67 555 1290',
      passport_number: 'FX104477',
      date_of_birth: '2000-11-08',
      address: '',
      email: 'yulia.m@example.com',
    },
    text: `Fled {{ord-country:Ukraine}} in {{ord-event_date:March 2022}}. Offered a job as a waitress in {{ord-country:Germany}} by {{name*:Sergei}} on Telegram (@{{name:sergei_jobs}}). Ended up in a flat in {{ord-city:Berlin}}, forced to see clients.
Her number {{phone*:067 555 12 90}}. Passport {{id_number*:FX 104477}}. DOB {{date_of_birth*:8.11.2000}}. Friend {{name:Daria}} helped her leave.`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Abdul Karim',
      recruiter_name: '',
      phone: '+880 1711 555 662',
      passport_number: 'BX0912234',
      date_of_birth: '1988-04-01',
      address: '',
      email: '',
    },
    text: `Mr Karim paid {{ord-amount:6 lakh taka}} to an agent in Dhaka for a job in {{ord-country:Qatar}}. Construction, 14 h days. Passport {{id_number*:BX0912234}} taken on arrival {{ord-event_date:12/02/2020}}.
Phone {{phone*:+880-1711-555662}}. Born {{date_of_birth*:01/04/1988}}. Company: Al Noor Contracting.`,
  },
  {
    lang: 'en',
    fields: {
      full_name: 'Esperanza Lopez',
      recruiter_name: 'Chuy',
      phone: '+52 1 55 5555 0198',
      passport_number: '',
      date_of_birth: '1997-09-09',
      address: '',
      email: '',
    },
    text: `Esperanza worked in a restaurant kitchen in {{ord-city:Houston}} since {{ord-event_date:2018}}. Recruiter "{{name*:Chuy}}" lent her {{ord-amount:$3,000}} for the crossing. Debt still {{ord-amount:$7,000}}.
Her mom's number in {{ord-country:Mexico}} {{phone:+52 55 5555 0177}}. Her own {{phone*:55 5555 0198}}. DOB {{date_of_birth*:9/9/97}}.`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Aminata Sow',
      recruiter_name: 'Tantie Rose',
      phone: '+33 6 39 98 55 01',
      passport_number: '18AB44521',
      date_of_birth: '2001-06-30',
      address: '23 rue Saint-Maur, 75011 Paris',
      email: 'aminata.sow01@example.fr',
    },
    text: `Mme {{name*:Sow}} est arrivée en {{ord-country:France}} le {{ord-event_date:12 octobre 2021}} via l'{{ord-country:Espagne}}. Recrutée à {{ord-city:Conakry}} par une femme appelée « {{name*:Tantie Rose}} ».
Travail domestique sans salaire chez un couple à {{ord-city:Paris}}, ensuite logée au {{address*:23, rue Saint-Maur}}. Dette de {{ord-amount:5 000 €}}.
Tél. {{phone*:06.39.98.55.01}}. Passeport {{id_number*:18 AB 44521}} gardé par {{name*:Rose}}. Née le {{date_of_birth*:30 juin 2001}}.`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Kévin Mbemba',
      recruiter_name: 'Patrick',
      phone: '',
      passport_number: '',
      date_of_birth: '2007-02-11',
      address: '',
      email: '',
    },
    text: `Mineur isolé ({{name*:Kévin}}, 17 ans, né le {{date_of_birth*:11/02/2007}}), originaire de {{ord-country:RDC}}. Contraint de vendre des produits stupéfiants à {{ord-city:Marseille}} par un certain {{name*:Patrick}} et son frère {{name:Junior}}.
Il dort dans un squat, 14 bd National. Numéro du « patron » : {{phone:07 55 51 23 98}}. Orientation ASE à prévoir.`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Fatou Diop',
      recruiter_name: 'Moussa Ba',
      phone: '+221 77 555 43 21',
      passport_number: 'A02931177',
      date_of_birth: '1995-04-04',
      address: '',
      email: '',
    },
    text: `{{name*:Fatou}} a quitté le {{ord-country:Sénégal}} en {{ord-event_date:2019}} avec la promesse d'un emploi de coiffeuse au {{ord-country:Maroc}}. Sur place, M. {{name*:Ba}} lui a pris son passeport ({{id_number*:A02931177}}).
Elle a versé {{ord-amount:800 000 FCFA}} sur le compte {{iban:MA64 0115 1900 0001 2050 0053 4921}}. Sa mère : {{phone:+221 76 555 12 12}}.
Date de naissance : {{date_of_birth*:4 avril 1995}}. Elle parle wolof et français.`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Hoang Van Nam',
      recruiter_name: '',
      phone: '',
      passport_number: 'B7730912',
      date_of_birth: '1990-12-24',
      address: '',
      email: '',
    },
    text: `M. {{name*:Hoang}} travaillait dans une ferme de cannabis près de {{ord-city:Calais}}, enfermé. Arrivé le {{ord-event_date:3 janv. 2023}}. Passeport n° {{id_number*:B7730912}}.
Il dit que « {{name:Anh Long}} » surveillait la maison. Né le {{date_of_birth*:24/12/1990}}. Son cousin {{name:Hoang Van Duc}} a été arrêté.`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Ioana Lupu',
      recruiter_name: 'Marius',
      phone: '+40 721 555 804',
      passport_number: '',
      date_of_birth: '1998-07-15',
      address: '',
      email: 'ioana.lupu98@example.ro',
    },
    text: `Jeune femme roumaine. Elle dit que son « petit ami » {{name*:Marius}} l'a amenée en {{ord-country:Belgique}} puis en {{ord-country:France}} ; prostitution forcée à {{ord-city:Lyon}} depuis {{ord-event_date:juin 2022}}.
Il prenait tout l'argent, environ {{ord-amount:1 500 €}} par semaine. Joignable au {{phone*:0721 555 804}} (numéro roumain) ou par mail {{email*:ioana.lupu98@example.ro}}.
Date de naiss. {{date_of_birth*:15-07-1998}}. Sa sœur {{name:Elena}} vit à {{ord-city:Bucarest}}.`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Mariam Touré',
      recruiter_name: 'Fofana',
      phone: '',
      passport_number: '',
      date_of_birth: '1986-09-19',
      address: '8 allée des Cerisiers, 93200 Saint-Denis',
      email: '',
    },
    text: `Mme {{name*:Touré}} est nounou chez une famille depuis {{ord-event_date:2017}}, logée au {{address*:8 allée des Cerisiers}}. Payée {{ord-amount:200 euros}} par mois.
L'employeur, M. {{name:Durand-Lefèvre}}, garde ses papiers. Son fils {{name:Ibrahim}} est né le {{date_of_birth:5 mars 2012}} au {{ord-country:Mali}}.
Rappeler au {{phone:01 49 55 50 23}} (ligne fixe de l'association).`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Ahmed Benali',
      recruiter_name: 'Karim',
      phone: '+212 6 61 55 52 09',
      passport_number: 'TZ4491823',
      date_of_birth: '1993-03-03',
      address: '',
      email: '',
    },
    text: `{{name*:Ahmed}}, marocain, saisonnier agricole en {{ord-country:Espagne}} puis en {{ord-country:France}} (vendanges). Contrat promis par {{name*:Karim}} jamais signé. Retenue de {{ord-amount:300 €}} par mois pour le logement.
Tel : {{phone*:06 61 55 52 09}}. Passeport {{id_number*:TZ 449 1823}}. Né le {{date_of_birth*:03.03.1993}} à {{ord-city:Oujda}}.`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Chantal Nzeyimana',
      recruiter_name: '',
      phone: '',
      passport_number: '',
      date_of_birth: '',
      address: '',
      email: 'chantal.nz@example.org',
    },
    text: `Orientée par la Croix-Rouge. {{name*:Chantal}} travaille sans papiers dans un hôtel à {{ord-city:Nice}} ; elle fait des ménages 12 h par jour.
Elle a écrit à {{email*:CHANTAL.NZ@EXAMPLE.ORG}} pour demander de l'aide. Arrivée le {{ord-event_date:1er août 2020}}. Virement de son salaire sur le compte {{id_number:FR76 1027 8060 3100 0205 5550 143}} (pas le sien ; le numéro ne passe pas le contrôle IBAN).`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Oumar Keïta',
      recruiter_name: 'Adama',
      phone: '',
      passport_number: '',
      date_of_birth: '2008-12-01',
      address: '',
      email: '',
    },
    text: `Mineur, né le {{date_of_birth*:1er décembre 2008}}. {{name*:Oumar}} a été forcé à mendier à {{ord-city:Dakar}} par le maître coranique {{name*:Adama}}, puis a traversé le {{ord-country:Niger}} et la {{ord-country:Libye}}.
Il connaît un certain {{name:Seydou Traoré}} à Agadez. Pas de téléphone.`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Sophie Martin',
      recruiter_name: '',
      phone: '+33 7 55 51 90 12',
      passport_number: '',
      date_of_birth: '1975-05-21',
      address: '5 impasse du Moulin, 13090 Aix-en-Provence',
      email: '',
    },
    text: `Signalement par une voisine. {{name*:Sophie}} héberge une jeune femme qui travaille « pour rien » chez Mme {{name:Garnier}}. Adresse : {{address*:5, impasse du Moulin, 13090 Aix-en-Provence}}.
Contacter Mme {{name*:Martin}} au {{phone*:07 55 51 90 12}}. La jeune femme serait née en 2004.`,
  },
  {
    lang: 'fr',
    fields: {
      full_name: 'Tran Thi Lan',
      recruiter_name: 'Minh',
      phone: '',
      passport_number: '',
      date_of_birth: '1999-01-17',
      address: '',
      email: '',
    },
    text: `Onglerie à {{ord-city:Lille}}. {{name*:Lan}} travaille 6 j/7 pour {{ord-amount:400 €}} par mois. Le gérant, {{name*:Minh}}, dit qu'elle doit encore {{ord-amount:20 000 €}}.
DDN : {{date_of_birth*:17/01/1999}}. Numéro de la patronne {{phone:+33 6 55 50 77 12}}. Arrivée en {{ord-country:France}} le {{ord-event_date:2023-02-10}}.`,
  },
  {
    lang: 'es',
    fields: {
      full_name: 'Yesica Rodríguez Paz',
      recruiter_name: 'El Güero',
      phone: '+52 962 555 0134',
      passport_number: 'G12034987',
      date_of_birth: '2004-10-06',
      address: 'Calle 5 de Mayo 32, Tapachula',
      email: '',
    },
    text: `{{name*:Yésica}} (así lo escribe ella) llegó a {{ord-city:Tapachula}} desde {{ord-country:Honduras}} en {{ord-event_date:septiembre de 2022}}. Un hombre apodado « {{name*:El Güero}} » le ofreció trabajo de mesera.
Terminó en un bar, obligada a "fichar" con clientes. Le cobran {{ord-amount:500 pesos}} diarios por el cuarto en {{address*:Calle 5 de Mayo 32}}.
Cel. {{phone*:962 555 0134}}. Fecha de nac. {{date_of_birth*:06/10/2004}}. Pasaporte {{id_number*:G12034987}} lo tiene el dueño.`,
  },
  {
    lang: 'es',
    fields: {
      full_name: 'José Luis Quispe',
      recruiter_name: 'Don Rigoberto',
      phone: '+51 984 555 301',
      passport_number: '',
      date_of_birth: '1982-08-08',
      address: '',
      email: '',
    },
    text: `Sr. {{name*:Quispe}} trabajó en una mina informal en Madre de Dios, {{ord-country:Perú}}, desde {{ord-event_date:2016}}. El enganchador, {{name*:Don Rigoberto}}, le adelantó {{ord-amount:S/ 600}}.
Nunca le pagaron. Teléfono de su esposa {{name:Juana}}: {{phone:984 555 377}}. El suyo: {{phone*:+51 984 555 301}}. Nacido el {{date_of_birth*:8 de agosto de 1982}}.`,
  },
  {
    lang: 'es',
    fields: {
      full_name: 'Marisol Gómez',
      recruiter_name: 'Wilson',
      phone: '+34 611 555 982',
      passport_number: 'AAB123456',
      date_of_birth: '1994-11-30',
      address: 'Calle de Alcalá 201, 4º dcha, 28028 Madrid',
      email: 'marisol.gomez94@example.es',
    },
    text: `Colombiana. {{name*:Marisol}} vino a {{ord-country:España}} el {{ord-event_date:3 de marzo de 2021}} con un contrato de cuidadora. {{name*:Wilson}}, el intermediario, se quedó con su pasaporte ({{id_number*:AAB 123456}}).
Vive en {{address*:C/ Alcalá 201, 4º dcha}}. Le pagan {{ord-amount:600 €}} al mes, interna, sin días libres.
Móvil {{phone*:611 55 59 82}}. Correo {{email*:marisol.gomez94@example.es}}. Nacida el {{date_of_birth*:30-11-1994}}. Cuenta {{iban:ES91 2100 0418 4502 0005 1332}}.`,
  },
  {
    lang: 'es',
    fields: {
      full_name: 'Aziz Haddad',
      recruiter_name: 'Samir',
      phone: '+212 6 55 50 18 44',
      passport_number: '',
      date_of_birth: '2007-06-12',
      address: '',
      email: '',
    },
    text: `Menor no acompañado, dice que nació el {{date_of_birth*:12 de junio de 2007}}. {{name*:Aziz}} cruzó desde {{ord-country:Marruecos}} escondido en un camión. En {{ord-city:Almería}} trabajó en invernaderos para {{name*:Samir}}, que le quitaba el sueldo.
Su tío {{name:Rachid El Idrissi}} vive en Bélgica. Teléfono del tío {{phone:+32 470 55 51 23}}.`,
  },
  {
    lang: 'es',
    fields: {
      full_name: 'Liliana Chávez',
      recruiter_name: '',
      phone: '',
      passport_number: '',
      date_of_birth: '1989-02-28',
      address: '',
      email: 'lili.chavez@example.com',
    },
    text: `Empleada doméstica en {{ord-city:Madrid}} desde {{ord-event_date:enero de 2020}}. {{name*:Liliana}} cuenta que la señora {{name:Begoña Urrutia}} le retiene el pasaporte. Gana {{ord-amount:350 euros}}.
Correo: {{email*:lili.chavez@example.com}}. DNI de la empleadora: {{id_number:12345678Z}}. F. nac.: {{date_of_birth*:28/02/1989}}.`,
  },
  {
    lang: 'es',
    fields: {
      full_name: 'Wendy Castillo',
      recruiter_name: 'La Flaca',
      phone: '+502 5555 0172',
      passport_number: '',
      date_of_birth: '2005-04-21',
      address: '',
      email: '',
    },
    text: `{{name*:Wendy}}, de {{ord-country:Guatemala}}, 17 años según ella. La "{{name*:Flaca}}" la reclutó por WhatsApp ({{phone:+502 5555 0188}}) con promesa de trabajo en una maquila en {{ord-city:Monterrey}}.
Su número: {{phone*:5555-0172}}. Nació el {{date_of_birth*:21-abr-2005}}. Llegó el {{ord-event_date:15 de enero}}.`,
  },
  {
    lang: 'es',
    fields: {
      full_name: 'Rafael Ortiz Medina',
      recruiter_name: 'Ramón',
      phone: '+57 310 555 4408',
      passport_number: 'AT774412',
      date_of_birth: '1990-07-07',
      address: '',
      email: '',
    },
    text: `Trabajador agrícola en {{ord-city:Huelva}}. {{name*:Rafael}} pagó {{ord-amount:2.000 euros}} a {{name*:Ramón}} por el viaje desde {{ord-country:Colombia}}. Jornadas de 11 horas, sin contrato.
Pasaporte n.º {{id_number*:AT774412}}. Cel {{phone*:310 555 44 08}}. Nacido el {{date_of_birth*:07/07/1990}}. Su compañero {{name:Edwin Parra}} también quiere declarar.`,
  },
  {
    lang: 'es',
    fields: {
      full_name: 'Nadia Petrova',
      recruiter_name: '',
      phone: '+34 633 555 120',
      passport_number: '',
      date_of_birth: '1996-03-09',
      address: 'Avenida de Andalucía 14, 29002 Málaga',
      email: '',
    },
    text: `{{name*:Nadia}} ({{name:Надя}}) trabaja en un club de carretera cerca de {{ord-city:Málaga}}. Vive en {{address*:Avda. de Andalucía 14}}. El dueño le cobra multas.
Tel {{phone*:633555120}}. Su hermana {{name:Olga}} nació el {{date_of_birth:2 de mayo de 1999}}. Llegó desde {{ord-country:Ucrania}} en {{ord-event_date:2019}}.`,
  },
];

const MARK = /\{\{(ord-[a-z_]+|[a-z_]+\*?):([^}]*)\}\}/g;

export function handwrittenNotes(firstId = 10_000): CorpusNote[] {
  return RAW.map((raw, k) => {
    let text = '';
    const planted: Planted[] = [];
    let at = 0;
    MARK.lastIndex = 0;
    for (let m = MARK.exec(raw.text); m; m = MARK.exec(raw.text)) {
      text += raw.text.slice(at, m.index);
      const tag = m[1]!;
      const value = m[2]!;
      const start = text.length;
      text += value;
      if (tag.startsWith('ord-')) {
        planted.push({
          type: 'ordinary',
          kind: tag.slice(4) as OrdinaryKind,
          text: value,
          start,
          end: text.length,
        });
      } else {
        const given = tag.endsWith('*');
        planted.push({
          type: 'identifier',
          kind: tag.replace('*', '') as RedactionKind,
          given,
          text: value,
          start,
          end: text.length,
        });
      }
      at = m.index + m[0].length;
    }
    text += raw.text.slice(at);
    return { id: firstId + k, lang: raw.lang, fields: raw.fields, text, planted };
  });
}
