/**
 * Capitalised words that are not names of people: places, nationalities, languages,
 * organisations, months and days, religions. A report needs them ("she was taken to
 * Italy", "a Romanian recruiter", "referred by the IOM"), so the name detector keeps
 * them. Countries, languages, months and weekdays come from the runtime's CLDR data in
 * English, French and Spanish (cldr-names.ts); the rest is listed here. Everything is
 * compared folded.
 */
import { cldrNames } from './cldr-names.js';
import { foldString } from './fold.js';
import { readIcuPrecomputed, writeIcuPrecomputed } from '../icu-precomputed.js';

/** Short and common forms CLDR does not give. */
const PLACES_EXTRA = `UK|U.K.|USA|U.S.|US|UAE|DRC|RDC|Congo|Ivory Coast|Burma|Holland|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|Angleterre|Inglaterra|Escocia|Écosse|Europe|Europa|Africa|Afrique|África|Asia|Asie|America|Amérique|América|North America|South America|Latin America|Amérique latine|Middle East|Moyen-Orient|Oriente Medio|West Africa|Afrique de l'Ouest|África Occidental|East Africa|Sahel|Sahara|Maghreb|Balkans|Balcanes|Caribbean|Caraïbes|Caribe|Gulf|Golfe|Golfo|Mediterranean|Méditerranée|Mediterráneo|Schengen|EU|UE|Eastern Europe|Europe de l'Est|Europa del Este|Southeast Asia|Asie du Sud-Est|Sudeste Asiático|Central America|Amérique centrale|Centroamérica|Channel|Manche|Canaries|Canary Islands|Canarias|Andalusia|Andalousie|Andalucía|Catalonia|Catalogne|Cataluña|Lombardy|Sicily|Sicile|Sicilia|Calabria|Bavaria|Île-de-France|Ile de France|Provence|Brittany|Bretagne|Normandy|Normandie|Kent|Essex|Yorkshire|Texas|California|Florida|Ontario|Quebec|Québec|Edo State|Lagos State|Delta State|Kano State|Chiapas|Oaxaca|Moldavia|Transnistria|Darfur|Tigray|Punjab|Kerala|Sindh|Mindanao|Luzon|Isaan|Anatolia|Kurdistan|Patagonia|Amazon|Amazonie|Amazonía`;

const CITIES = `London|Londres|Paris|París|Madrid|Barcelona|Barcelone|Valencia|Valence|Seville|Sevilla|Séville|Málaga|Malaga|Almería|Almeria|Murcia|Bilbao|Zaragoza|Saragosse|Granada|Alicante|Palma|Lyon|Marseille|Marsella|Toulouse|Nice|Niza|Nantes|Bordeaux|Burdeos|Lille|Strasbourg|Calais|Rouen|Montpellier|Grenoble|Perpignan|Rome|Roma|Milan|Milano|Milán|Naples|Napoli|Nápoles|Turin|Torino|Palermo|Palerme|Catania|Bari|Florence|Firenze|Florencia|Venice|Venezia|Venise|Venecia|Berlin|Berlín|Hamburg|Hambourg|Hamburgo|Munich|München|Múnich|Frankfurt|Francfort|Cologne|Köln|Colonia|Düsseldorf|Stuttgart|Vienna|Vienne|Viena|Brussels|Bruxelles|Bruselas|Antwerp|Anvers|Amberes|Amsterdam|Ámsterdam|Rotterdam|The Hague|La Haye|La Haya|Geneva|Genève|Ginebra|Zurich|Zürich|Lisbon|Lisboa|Lisbonne|Porto|Oporto|Dublin|Dublín|Manchester|Birmingham|Leeds|Liverpool|Glasgow|Edinburgh|Édimbourg|Bristol|Sheffield|Leicester|Belfast|Cardiff|Dover|Douvres|Athens|Athènes|Atenas|Thessaloniki|Istanbul|Estambul|Ankara|Bucharest|Bucarest|Bucureşti|Bucuresti|Constanta|Iaşi|Iasi|Timişoara|Cluj|Sofia|Sofía|Varna|Budapest|Prague|Praga|Warsaw|Varsovie|Varsovia|Kraków|Krakow|Vilnius|Riga|Tallinn|Chisinau|Chişinău|Kishinev|Kyiv|Kiev|Kiew|Odesa|Odessa|Kharkiv|Lviv|Moscow|Moscou|Moscú|Minsk|Tbilisi|Yerevan|Baku|Belgrade|Belgrado|Zagreb|Sarajevo|Skopje|Tirana|Pristina|Lagos|Abuja|Benin City|Kano|Ibadan|Port Harcourt|Enugu|Accra|Kumasi|Lomé|Lome|Cotonou|Porto-Novo|Ouagadougou|Niamey|Agadez|Bamako|Dakar|Conakry|Freetown|Monrovia|Abidjan|Yamoussoukro|Douala|Yaoundé|Yaounde|Libreville|Kinshasa|Lubumbashi|Brazzaville|Luanda|Nairobi|Mombasa|Kampala|Kigali|Addis Ababa|Addis-Abeba|Adís Abeba|Asmara|Khartoum|Jartum|Juba|Mogadishu|Mogadiscio|Djibouti|Dar es Salaam|Lusaka|Harare|Maputo|Johannesburg|Johannesbourg|Cape Town|Le Cap|Ciudad del Cabo|Durban|Pretoria|Tripoli|Trípoli|Benghazi|Tunis|Túnez|Sfax|Algiers|Alger|Argel|Oran|Casablanca|Rabat|Tangier|Tanger|Marrakech|Marrakesh|Fès|Fez|Oujda|Nador|Ceuta|Melilla|Cairo|Le Caire|El Cairo|Alexandria|Alexandrie|Alejandría|Beirut|Beyrouth|Damascus|Damas|Amman|Ammán|Baghdad|Bagdad|Erbil|Tehran|Téhéran|Teherán|Kabul|Kaboul|Karachi|Lahore|Islamabad|Delhi|New Delhi|Mumbai|Bombay|Kolkata|Calcutta|Chennai|Dhaka|Dacca|Kathmandu|Katmandou|Katmandú|Colombo|Riyadh|Riyad|Jeddah|Djeddah|Yeda|Dubai|Dubaï|Dubái|Abu Dhabi|Doha|Kuwait City|Muscat|Mascate|Manama|Bangkok|Pattaya|Chiang Mai|Phuket|Hanoi|Hanoï|Hanói|Ho Chi Minh City|Saigon|Phnom Penh|Vientiane|Yangon|Rangoon|Manila|Manille|Cebu|Davao|Jakarta|Yakarta|Kuala Lumpur|Singapore|Singapour|Singapur|Beijing|Pékin|Pekín|Shanghai|Shanghái|Guangzhou|Canton|Shenzhen|Hong Kong|Taipei|Tokyo|Tokio|Seoul|Séoul|Seúl|Sydney|Sídney|Melbourne|Auckland|New York|Nueva York|Los Angeles|Los Ángeles|Chicago|Houston|Miami|Washington|Toronto|Montreal|Montréal|Vancouver|Mexico City|Mexico|México|Ciudad de México|Tijuana|Ciudad Juárez|Juárez|Monterrey|Guadalajara|Cancún|Cancun|Tapachula|Guatemala City|Ciudad de Guatemala|San Salvador|Tegucigalpa|San Pedro Sula|Managua|San José|Panama City|Ciudad de Panamá|Bogotá|Bogota|Medellín|Medellin|Cali|Barranquilla|Cartagena|Caracas|Maracaibo|Quito|Guayaquil|Lima|La Paz|Santa Cruz|Santiago|Buenos Aires|Montevideo|Asunción|Asuncion|São Paulo|Sao Paulo|Rio de Janeiro|Río de Janeiro|Brasília|Brasilia|Havana|La Habana|La Havane|Santo Domingo|Port-au-Prince|Kingston|Huelva|Cádiz|Cadiz|Córdoba|Cordoba|Jaén|Jaen|Lleida|Lérida|Girona|Tarragona|Castellón|Badajoz|Cáceres|Salamanca|Valladolid|Burgos|León|Oviedo|Gijón|Santander|Pamplona|Logroño|Vitoria|San Sebastián|Donostia|A Coruña|La Coruña|Vigo|Santiago de Compostela|Las Palmas|Santa Cruz de Tenerife|Tenerife|Lanzarote|Fuerteventura|Ibiza|Mallorca|Majorca|Menorca|Benidorm|Marbella|Torremolinos|El Ejido|Níjar|Lepe|Moguer|Cartagena|Lorca|Algeciras|Tarifa|Irún|Le Havre|Caen|Rennes|Brest|Angers|Tours|Orléans|Dijon|Reims|Metz|Nancy|Mulhouse|Besançon|Clermont-Ferrand|Limoges|Poitiers|La Rochelle|Bayonne|Pau|Nîmes|Avignon|Aix-en-Provence|Toulon|Cannes|Antibes|Menton|Annecy|Chambéry|Saint-Étienne|Amiens|Dunkerque|Dunkirk|Boulogne|Cherbourg|Saint-Denis|Montreuil|Créteil|Bobigny|Nanterre|Versailles|Ajaccio|Bastia|Cayenne|Mayotte|Mamoudzou|Ventimiglia|Vintimille|Lampedusa|Messina|Reggio Calabria|Foggia|Latina|Caserta|Castel Volturno|Ragusa|Bergamo|Brescia|Verona|Padua|Padova|Bologna|Genoa|Genova|Trieste|Udine|Bolzano|Innsbruck|Salzburg|Graz|Linz|Basel|Bern|Berne|Lausanne|Luxembourg|Liège|Ghent|Gand|Bruges|Charleroi|Utrecht|Eindhoven|Aarhus|Copenhagen|Copenhague|Stockholm|Gothenburg|Malmö|Oslo|Bergen|Helsinki|Reykjavik|Cork|Galway|Limerick|Aberdeen|Dundee|Newcastle|Sunderland|Middlesbrough|Hull|Bradford|Wakefield|Huddersfield|Sheffield|Nottingham|Derby|Coventry|Wolverhampton|Stoke|Peterborough|Cambridge|Oxford|Norwich|Ipswich|Southampton|Portsmouth|Brighton|Plymouth|Exeter|Swansea|Newport|Slough|Reading|Luton|Milton Keynes|Northampton|Guildford|Canterbury|Folkestone|Croydon|Hackney|Tottenham|Wembley|Ilford|Heathrow|Gatwick|Stansted|Holyhead|Felixstowe|Southall|Bucharest|Craiova|Brașov|Brasov|Galați|Galati|Bacău|Bacau|Suceava|Botoșani|Botosani|Vaslui|Focșani|Sibiu|Oradea|Arad|Ploiești|Ploiesti|Plovdiv|Burgas|Ruse|Pleven|Sliven|Balti|Bălți|Tiraspol|Cahul|Orhei|Durrës|Durres|Vlorë|Vlore|Elbasan|Shkodër|Shkoder|Novi Sad|Niš|Nis|Split|Rijeka|Ljubljana|Maribor|Bratislava|Košice|Kosice|Brno|Ostrava|Wrocław|Wroclaw|Poznań|Poznan|Gdańsk|Gdansk|Łódź|Lodz|Lublin|Dnipro|Zaporizhzhia|Mykolaiv|Kherson|Chernivtsi|Uzhhorod|Ternopil|Rivne|Lutsk|Vinnytsia|Poltava|Sumy|Chernihiv|Donetsk|Luhansk|Mariupol|Kazan|Novosibirsk|Yekaterinburg|Saint Petersburg|St Petersburg|Rostov|Krasnodar|Sochi|Samarkand|Tashkent|Bishkek|Osh|Dushanbe|Almaty|Astana|Ashgabat|Izmir|Antalya|Bodrum|Gaziantep|Edirne|Lesbos|Lesvos|Chios|Samos|Kos|Rhodes|Crete|Patras|Nicosia|Limassol|Larnaca|Valletta|Tunis|Sousse|Zuwara|Sabratha|Misrata|Sabha|Gao|Timbuktu|Tombouctou|Kayes|Mopti|Ségou|Segou|Zinder|Maradi|Tahoua|Dosso|Arlit|Bobo-Dioulasso|Kaya|Tamale|Takoradi|Cape Coast|Kano|Kaduna|Jos|Ilorin|Abeokuta|Onitsha|Aba|Owerri|Calabar|Uyo|Warri|Asaba|Auchi|Ekpoma|Uromi|Sapele|Agbor|Akure|Ado-Ekiti|Osogbo|Sokoto|Maiduguri|Yola|Makurdi|Lokoja|Bouaké|Bouake|Daloa|San-Pédro|San Pedro|Korhogo|Man|Thiès|Thies|Touba|Kaolack|Ziguinchor|Saint-Louis|Kankan|Labé|Labe|Nzérékoré|Kindia|Bissau|Banjul|Serekunda|Nouakchott|Nouadhibou|Bangui|N'Djamena|Ndjamena|Malabo|Bata|Pointe-Noire|Goma|Bukavu|Kisangani|Mbuji-Mayi|Kananga|Kolwezi|Bujumbura|Gitega|Dodoma|Arusha|Zanzibar|Mwanza|Kisumu|Nakuru|Eldoret|Garissa|Hargeisa|Bosaso|Kassala|Port Sudan|Omdurman|Gondar|Mekelle|Bahir Dar|Dire Dawa|Hawassa|Jimma|Dessie|Adama|Keren|Massawa|Aden|Sanaa|Sana'a|Taiz|Hodeidah|Salalah|Sharjah|Ajman|Al Ain|Dammam|Mecca|Makkah|Medina|Madinah|Taif|Abha|Tabuk|Hail|Qassim|Buraidah|Jubail|Khobar|Zarqa|Irbid|Aqaba|Tyre|Sidon|Tripoli (Lebanon)|Aleppo|Homs|Hama|Latakia|Idlib|Deir ez-Zor|Raqqa|Mosul|Basra|Kirkuk|Sulaymaniyah|Duhok|Najaf|Karbala|Mashhad|Isfahan|Shiraz|Tabriz|Herat|Kandahar|Mazar-i-Sharif|Jalalabad|Peshawar|Quetta|Rawalpindi|Faisalabad|Multan|Sialkot|Gujranwala|Hyderabad|Bangalore|Bengaluru|Pune|Ahmedabad|Surat|Jaipur|Lucknow|Kanpur|Patna|Ranchi|Bhubaneswar|Guwahati|Amritsar|Ludhiana|Chandigarh|Kochi|Thiruvananthapuram|Chittagong|Chattogram|Sylhet|Khulna|Rajshahi|Cox's Bazar|Pokhara|Biratnagar|Birgunj|Kandy|Galle|Jaffna|Mandalay|Naypyidaw|Mawlamyine|Myawaddy|Mae Sot|Chiang Rai|Udon Thani|Khon Kaen|Nakhon Ratchasima|Hat Yai|Songkhla|Samut Sakhon|Mahachai|Ranong|Surat Thani|Krabi|Siem Reap|Battambang|Poipet|Sihanoukville|Luang Prabang|Savannakhet|Pakse|Haiphong|Hai Phong|Da Nang|Hue|Huế|Nghe An|Nghệ An|Ha Tinh|Hà Tĩnh|Quang Binh|Thanh Hoa|Can Tho|Vinh|Lao Cai|Lạng Sơn|Lang Son|Quezon City|Makati|Pasay|Taguig|Caloocan|Iloilo|Bacolod|Cagayan de Oro|Zamboanga|General Santos|Tacloban|Surabaya|Bandung|Medan|Semarang|Makassar|Denpasar|Bali|Batam|Johor Bahru|Penang|George Town|Ipoh|Kota Kinabalu|Kuching|Guangxi|Yunnan|Fujian|Fuzhou|Wenzhou|Harbin|Shenyang|Dalian|Tianjin|Chengdu|Chongqing|Wuhan|Xi'an|Nanning|Kunming|Macau|Macao|Osaka|Nagoya|Fukuoka|Busan|Incheon|Ulaanbaatar|Vladivostok|Khabarovsk|Perth|Brisbane|Adelaide|Darwin|Wellington|Christchurch|Atlanta|Dallas|San Antonio|El Paso|Laredo|McAllen|Brownsville|Phoenix|Tucson|San Diego|San Francisco|Oakland|Seattle|Portland|Denver|Las Vegas|Salt Lake City|Minneapolis|Detroit|Cleveland|Columbus|Philadelphia|Boston|Baltimore|Newark|Jersey City|Orlando|Tampa|Jacksonville|Charlotte|Nashville|Memphis|New Orleans|Calgary|Edmonton|Winnipeg|Ottawa|Halifax|Puebla|Toluca|León (Mexico)|Querétaro|Queretaro|San Luis Potosí|Aguascalientes|Morelia|Acapulco|Veracruz|Villahermosa|Mérida|Merida|Oaxaca de Juárez|Tuxtla Gutiérrez|Tuxtla|Reynosa|Matamoros|Nuevo Laredo|Piedras Negras|Nogales|Mexicali|Ensenada|Hermosillo|Culiacán|Culiacan|Mazatlán|Mazatlan|Chihuahua|Durango|Saltillo|Torreón|Torreon|Quetzaltenango|Xela|Huehuetenango|Escuintla|Mixco|Villa Nueva|Santa Ana|San Miguel|La Ceiba|Choloma|Comayagua|León (Nicaragua)|Chinandega|Masaya|Limón|Puntarenas|Colón|David|Santa Marta|Cúcuta|Cucuta|Bucaramanga|Pereira|Manizales|Ibagué|Villavicencio|Pasto|Ipiales|Buenaventura|Tumaco|Riohacha|Valledupar|Montería|Sincelejo|Maracay|Valencia (Venezuela)|Barquisimeto|Ciudad Guayana|San Cristóbal|Cuenca|Machala|Esmeraldas|Ambato|Arequipa|Trujillo|Chiclayo|Piura|Iquitos|Cusco|Cuzco|Puno|Juliaca|Tacna|Huancayo|Ayacucho|Puerto Maldonado|El Alto|Cochabamba|Sucre|Oruro|Potosí|Potosi|Tarija|Ciudad del Este|Encarnación|Rosario|Córdoba (Argentina)|Mendoza|Salta|Jujuy|Tucumán|Mar del Plata|Valparaíso|Valparaiso|Antofagasta|Iquique|Arica|Concepción|Temuco|Salvador|Fortaleza|Recife|Belo Horizonte|Manaus|Belém|Belem|Curitiba|Porto Alegre|Goiânia|Campinas|Santos|Florianópolis|Foz do Iguaçu|Boa Vista|Pacaraima|Cap-Haïtien|Cap-Haitien|Les Cayes|Gonaïves|Jacmel|Santiago de los Caballeros|Punta Cana|Puerto Plata|San Juan|Montego Bay|Port of Spain|Georgetown|Paramaribo`;

const NATIONALITIES = `Afghan|Albanian|Algerian|American|Angolan|Argentine|Argentinian|Armenian|Australian|Austrian|Azerbaijani|Bangladeshi|Belarusian|Belgian|Beninese|Bolivian|Bosnian|Brazilian|British|Bulgarian|Burkinabe|Burmese|Burundian|Cambodian|Cameroonian|Canadian|Chadian|Chilean|Chinese|Colombian|Congolese|Costa Rican|Croatian|Cuban|Czech|Danish|Dominican|Dutch|Ecuadorian|Egyptian|Emirati|English|Eritrean|Estonian|Ethiopian|Filipino|Filipina|Finnish|French|Gabonese|Gambian|Georgian|German|Ghanaian|Greek|Guatemalan|Guinean|Haitian|Honduran|Hungarian|Indian|Indonesian|Iranian|Iraqi|Irish|Israeli|Italian|Ivorian|Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean|Kosovar|Kurdish|Kuwaiti|Kyrgyz|Lao|Laotian|Latvian|Lebanese|Liberian|Libyan|Lithuanian|Macedonian|Malagasy|Malawian|Malaysian|Malian|Maltese|Mauritanian|Mexican|Moldovan|Mongolian|Montenegrin|Moroccan|Mozambican|Namibian|Nepali|Nepalese|Nicaraguan|Nigerian|Nigerien|Norwegian|Pakistani|Palestinian|Panamanian|Paraguayan|Peruvian|Polish|Portuguese|Qatari|Romanian|Russian|Rwandan|Salvadoran|Saudi|Scottish|Senegalese|Serbian|Sierra Leonean|Slovak|Slovenian|Somali|South African|Spanish|Sri Lankan|Sudanese|Swedish|Swiss|Syrian|Taiwanese|Tajik|Tanzanian|Thai|Togolese|Tunisian|Turkish|Turkmen|Ugandan|Ukrainian|Uruguayan|Uzbek|Venezuelan|Vietnamese|Welsh|Yemeni|Zambian|Zimbabwean|European|African|Asian|Arab|Latino|Latina|Roma|Romani|Berber|Amazigh|Igbo|Yoruba|Hausa|Edo|Fulani|Peul|Tuareg|Pashtun|Tamil|Rohingya|Uyghur|Afghane|Albanais|Albanaise|Algérien|Algérienne|Américain|Américaine|Bangladais|Béninois|Béninoise|Britannique|Bulgare|Burkinabè|Camerounais|Camerounaise|Chinois|Chinoise|Congolais|Congolaise|Érythréen|Érythréenne|Espagnol|Espagnole|Éthiopien|Éthiopienne|Français|Française|Gabonais|Ghanéen|Ghanéenne|Guinéen|Guinéenne|Haïtien|Haïtienne|Indien|Indienne|Irakien|Iranien|Italien|Italienne|Ivoirien|Ivoirienne|Libyen|Malien|Malienne|Marocain|Marocaine|Mauritanien|Moldave|Nigérian|Nigériane|Nigérien|Pakistanais|Philippin|Philippine|Roumain|Roumaine|Russe|Sénégalais|Sénégalaise|Somalien|Soudanais|Syrien|Syrienne|Tchadien|Thaïlandais|Togolais|Tunisien|Tunisienne|Turc|Turque|Ukrainien|Ukrainienne|Vietnamien|Vietnamienne|Africain|Africaine|Européen|Européenne|Afgano|Afgana|Albanés|Argelino|Argelina|Boliviano|Boliviana|Brasileño|Brasileña|Chino|China|Colombiano|Colombiana|Congoleño|Cubano|Cubana|Dominicano|Dominicana|Ecuatoriano|Ecuatoriana|Eritreo|Español|Española|Etíope|Filipino|Filipina|Francés|Francesa|Ghanés|Guatemalteco|Guatemalteca|Guineano|Hondureño|Hondureña|Indio|Italiano|Italiana|Marfileño|Maliense|Marroquí|Mexicano|Mexicana|Nicaragüense|Nigeriano|Nigeriana|Paquistaní|Paraguayo|Paraguaya|Peruano|Peruana|Rumano|Rumana|Ruso|Rusa|Salvadoreño|Salvadoreña|Senegalés|Senegalesa|Sirio|Siria|Tailandés|Ucraniano|Ucraniana|Venezolano|Venezolana|Vietnamita|Africano|Africana|Europeo|Europea|Latinoamericano|Latinoamericana`;

const ORGANISATIONS = `IOM|OIM|UN|ONU|UNHCR|HCR|ACNUR|UNICEF|UNODC|ILO|OIT|BIT|WHO|OMS|OSCE|GRETA|La Strada|Red Cross|British Red Cross|Croix-Rouge|Croix Rouge|Cruz Roja|Red Crescent|Croissant-Rouge|Media Luna Roja|Caritas|Cáritas|Salvation Army|Armée du Salut|Ejército de Salvación|Médecins Sans Frontières|Medecins Sans Frontieres|Médicos Sin Fronteras|MSF|Médecins du Monde|Médicos del Mundo|Amnesty|Amnesty International|Save the Children|Terre des Hommes|ECPAT|Anti-Slavery International|Polaris|Europol|Interpol|Frontex|Police|Policía|Policia|Policía Nacional|Guardia Civil|Mossos|Gendarmerie|Gendarmerie nationale|Police nationale|Police aux frontières|PAF|OCRTEH|OFPRA|OFII|CNDA|Préfecture|Prefecture|ASE|Aide sociale à l'enfance|Home Office|Border Force|National Crime Agency|NCA|Modern Slavery Helpline|Salvation|Migrant Help|NRM|National Referral Mechanism|Ministry|Ministère|Ministerio|Embassy|Ambassade|Embajada|Consulate|Consulat|Consulado|Labour Inspectorate|Inspection du travail|Inspección de Trabajo|Social Security|Sécurité sociale|Seguridad Social|Pôle emploi|NGO|ONG|Western Union|MoneyGram|Ria|WorldRemit|Wise|PayPal|M-Pesa|WhatsApp|Facebook|Messenger|Instagram|TikTok|Telegram|Viber|Signal|Snapchat|Skype|IMO|Imo|Google|Gmail|YouTube|Uber|Bolt|Airbnb|Booking|Amazon|Deliveroo|Glovo|Just Eat|Ryanair|EasyJet|Air France|Iberia|Turkish Airlines|Emirates|Qatar Airways|Ethiopian Airlines|FlixBus|Eurostar|Eurotunnel|SNCF|Renfe|Tesco|Carrefour|Lidl|Aldi|Mercadona|Zara|Primark|Visa|Mastercard|Schengen visa|COVID|Covid|COVID-19|Internet|Wi-Fi|Wifi|FCFA|CFA|HIV|AIDS|SIDA|VIH|IBAN|SWIFT|USDT|NATO|OTAN|ECOWAS|CEDEAO|ASAP|ID|DNI|NIE|NIF|CNI|SMS|SIM|PIN|ATM|GPS|TV|CV|PC|SOS|QR`;

const RELIGIOUS_AND_CALENDAR = `God|Dieu|Dios|Allah|Jesus|Jésus|Jesús|Christ|Cristo|Bible|Bible|Biblia|Quran|Koran|Coran|Corán|Muslim|Muslims|Musulman|Musulmane|Musulmán|Musulmana|Christian|Chrétien|Chrétienne|Cristiano|Cristiana|Catholic|Catholique|Católico|Católica|Protestant|Evangelical|Évangélique|Evangélico|Pentecostal|Orthodox|Orthodoxe|Ortodoxo|Hindu|Hindou|Hindú|Buddhist|Bouddhiste|Budista|Jewish|Juif|Juive|Judío|Judía|Sikh|Islam|Christianity|Ramadan|Ramadán|Eid|Aïd|Christmas|Noël|Navidad|Easter|Pâques|Pascua|Semana Santa|New Year|Nouvel An|Año Nuevo|Tet|Tết|Songkran|Diwali|Juju|Vodou|Voodoo|Vaudou|Ayelala|Oba`;

/** Words that start sentences or are always capitalised but are not names (checked folded). */
const COMMON = `I|I'm|I've|I'd|I'll|A|An|The|This|That|These|Those|There|Then|Than|They|Them|Their|He|She|It|We|You|His|Her|Hers|Its|Our|Your|My|Me|Him|Us|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|First|Second|Third|Last|Next|Later|Earlier|Before|After|During|While|When|Where|Why|How|What|Who|Whom|Which|Whose|If|But|And|Or|So|Yet|Also|Because|Since|Although|Though|However|Meanwhile|Afterwards|Eventually|Finally|Initially|Now|Today|Yesterday|Tomorrow|Tonight|Recently|Currently|Still|Only|Just|Even|Once|Twice|Again|Sometimes|Often|Never|Always|Every|Each|All|Both|Some|Many|Most|Several|Few|No|Not|None|Nobody|Nothing|Someone|Somebody|Something|Everyone|Everybody|Everything|Anyone|Anything|Other|Another|Such|Same|Very|Too|More|Less|At|In|On|Of|To|For|From|With|Without|By|About|Into|Onto|Over|Under|Through|Throughout|Between|Among|Around|Across|Against|Along|Near|Outside|Inside|Upon|Per|Via|Yes|Ok|OK|Okay|Please|Thanks|According|Apparently|Probably|Possibly|Perhaps|Maybe|Clearly|Unclear|Unknown|Note|Notes|Summary|Interview|Interviewer|Screener|Interpreter|Client|Person|Family|Mother|Father|Brother|Sister|Husband|Wife|Son|Daughter|Uncle|Aunt|Cousin|Friend|Friends|Boss|Employer|Recruiter|Agent|Agency|Manager|Owner|Driver|Police|Officers|Officer|Staff|Workers|Worker|Work|Job|Jobs|Pay|Payment|Wages|Salary|Money|Debt|Documents|Document|Passport|Passports|Visa|Phone|Contact|Address|Email|Mr|Mrs|Ms|Miss|Dr|Mme|Mlle|M|Madame|Monsieur|Sr|Sra|Srta|Don|Doña|Señor|Señora|Señorita|Le|La|Les|L'|Un|Une|Des|Du|De|D'|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|On|Nous|Vous|Je|J'|Tu|Lui|Leur|Leurs|Son|Sa|Ses|Mon|Ma|Mes|Notre|Nos|Votre|Vos|Qui|Que|Quoi|Où|Quand|Comment|Pourquoi|Si|Mais|Et|Ou|Donc|Car|Puis|Ensuite|Après|Avant|Pendant|Depuis|Alors|Aussi|Encore|Déjà|Toujours|Jamais|Souvent|Parfois|Aujourd'hui|Hier|Demain|Maintenant|Selon|Chez|Dans|Sur|Sous|Avec|Sans|Pour|Par|Entre|Vers|Contre|Au|Aux|En|Y|À|Oui|Non|Aucun|Aucune|Rien|Personne|Tout|Tous|Toute|Toutes|Plusieurs|Certains|Quelques|Chaque|Premier|Première|Dernier|Dernière|Enfin|Finalement|D'abord|Actuellement|Récemment|Apparemment|Peut-être|Elle-même|Lui-même|Madame|Père|Mère|Frère|Sœur|Soeur|Mari|Femme|Fils|Fille|Oncle|Tante|Ami|Amie|Amis|Patron|Patronne|Employeur|Recruteur|Recruteuse|Passeur|Passeurs|Travail|Salaire|Argent|Dette|Papiers|Passeport|Téléphone|Adresse|Entretien|Personne|Famille|El|Los|Las|Lo|Una|Unos|Unas|Este|Esta|Estos|Estas|Ese|Esa|Esos|Esas|Aquel|Aquella|Él|Ella|Ellos|Ellas|Nosotros|Usted|Ustedes|Yo|Su|Sus|Mi|Mis|Tu|Tus|Nuestro|Nuestra|Que|Qué|Quien|Quién|Cuando|Cuándo|Donde|Dónde|Como|Cómo|Porque|Pero|Sino|Entonces|Luego|Después|Antes|Durante|Desde|Hasta|Mientras|También|Tampoco|Todavía|Ya|Siempre|Nunca|Hoy|Ayer|Mañana|Ahora|Según|Con|Sin|Para|Por|Entre|Hacia|Contra|Sobre|Bajo|Al|Del|Sí|Ningún|Ninguna|Nada|Nadie|Todo|Todos|Toda|Todas|Varios|Varias|Algunos|Algunas|Cada|Primero|Primera|Último|Última|Finalmente|Actualmente|Recientemente|Aparentemente|Quizás|Quizá|Tal|Padre|Madre|Hermano|Hermana|Marido|Esposo|Esposa|Hijo|Hija|Tío|Tía|Primo|Prima|Amigo|Amiga|Amigos|Jefe|Jefa|Empleador|Reclutador|Reclutadora|Coyote|Trabajo|Salario|Sueldo|Dinero|Deuda|Papeles|Pasaporte|Teléfono|Dirección|Entrevista|Persona|Familia|Nota|Notas|Cleaning|Cleaner|Cleaners|Construction|Farm|Farming|Agriculture|Factory|Restaurant|Hotel|Kitchen|Domestic|Nanny|Caregiver|Care|Fishing|Mining|Textile|Garment|Sex|Prostitution|Begging|Street|Selling|Nail|Bar|Club|Massage|Harvest|Picking|Hospitality|Nettoyage|Ménage|Bâtiment|Chantier|Agriculture|Usine|Cuisine|Restauration|Hôtellerie|Garde|Pêche|Mendicité|Limpieza|Construcción|Obra|Campo|Fábrica|Cocina|Hostelería|Cuidado|Pesca|Mendicidad|Venta|Recogida|Cosecha|Call|Called|Calls|Born|Née|Né|Nee|Nacida|Nacido|Says|Said|Reports|Reported|Explains|Explained|Describes|Described|States|Stated|Told|Tells|Arrived|Worked|Works|Working|Lived|Lives|Living|Travelled|Traveled|Left|Came|Went|Stayed|Escaped|Ran|Returned|Moved|Paid|Promised|Recruited|Met|Was|Were|Is|Are|Has|Had|Have|Did|Does|Do|Can|Could|Would|Should|Will|May|Might|Must|Wants|Wanted|Needs|Needed|Asked|Asks|Refused|Declined|Agreed|Afraid|Scared|Worried|Unable|Able|Sent|Received|Took|Kept|Gave|Got|Lost|Found|Seems|Seemed|Appears|Appeared|Contact|Contacts|Contacted|Referred|Referral|Passport|Money|Debt|Conditions|Hours|Days|Nights|Weeks|Months|Years|Day|Night|Week|Month|Year|Morning|Evening|Address|Phone|Number|Email|E-mail|Account|Bank|Transfer|Sister|Brother|Mother|Father|Daughter|Son|Children|Child|Baby|Parents|Husband|Wife|Partner|Cousin|Relatives|Woman|Women|Man|Men|Girl|Girls|Boy|Boys|People|Everyone|Nobody|Health|Medical|Doctor|Hospital|Safety|Safe|Unsafe|Risk|Urgent|Follow-up|Follow|Next|Plan|Action|Actions|Outcome|Assessment|Consent|Dit|Déclare|Raconte|Explique|Affirme|Indique|Précise|Ajoute|Travaillait|Travaille|Vivait|Vit|Habitait|Est|Était|Etait|Avait|A|Ont|Sont|Étaient|Elle|Arrivée|Arrivé|Partie|Parti|Venue|Recrutée|Recruté|Payée|Payé|Promis|Promise|Reçu|Reçue|Envoyé|Envoyée|Contactée|Contacté|Née|Numéro|Compte|Virement|Conditions|Heures|Jours|Semaines|Mois|Ans|Année|Matin|Soir|Nuit|Enfants|Enfant|Parents|Homme|Hommes|Fille|Filles|Garçon|Gens|Santé|Médecin|Hôpital|Sécurité|Risque|Urgent|Suivi|Orientation|Consentement|Refuse|Refusé|Accepte|Peur|Dice|Dijo|Cuenta|Contó|Explica|Explicó|Declara|Declaró|Afirma|Indica|Añade|Trabajaba|Trabaja|Trabajó|Vivía|Vive|Vivió|Llegó|Salió|Volvió|Huyó|Escapó|Tiene|Tenía|Tuvo|Fue|Era|Es|Está|Estaba|Son|Eran|Ha|Había|Nacida|Nacido|Reclutada|Reclutado|Pagada|Pagado|Prometieron|Recibió|Envió|Contactada|Contactado|Número|Cuenta|Transferencia|Condiciones|Horas|Días|Semanas|Meses|Años|Año|Mañana|Tarde|Noche|Hijos|Niños|Niño|Niña|Padres|Hombre|Hombres|Mujer|Mujeres|Chica|Chicas|Chico|Gente|Salud|Médico|Hospital|Seguridad|Riesgo|Urgente|Seguimiento|Derivación|Consentimiento|Rechaza|Acepta|Miedo|Teme|Le|Les|Se|Lo|Me|Te|Nos|Os|Date|Fecha|Joignable|Rappeler|Appeler|Llamar|Llamó|Messages|Message|Mensajes|Escribe|Escribió|Écrit|Vio|Vu|Vue|Saw|Seen|Wrote|Writes|Phoned|Wages|Salaire|Sueldo|Money|Workers|Ouvriers|Trabajadores|Agency|Agence|Agencia|Office|Bureau|Oficina|Contrat|Contract|Contrato|Account|Compte|Cuenta`;

function phrases(list: string): string[] {
  return list.split('|');
}

function key(s: string): string {
  return foldString(s)
    .replace(/['’.-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A set of strings kept as the build writes it: sorted and joined with "|" in buckets
 * by first character, so that reading it costs one short JSON string per bucket instead
 * of parsing thousands of strings and hashing them into a Set (most of what loading the
 * allow-list cost). A bucket is split on its first lookup. Strings holding "|" (none
 * today) are kept apart in `also`.
 */
export interface SortedWords {
  readonly buckets: Readonly<Record<string, string>>;
  readonly also: readonly string[];
}

const SEP = '|';

export function sortedWords(words: Iterable<string>): SortedWords {
  const byFirst = new Map<string, string[]>();
  const also: string[] = [];
  // Sorted as `<` compares (UTF-16 units), which the lookup's binary search relies on.
  for (const w of [...new Set(words)].sort()) {
    if (w === '' || w.includes(SEP)) {
      also.push(w);
      continue;
    }
    const first = w[0]!;
    const bucket = byFirst.get(first);
    if (bucket) bucket.push(w);
    else byFirst.set(first, [w]);
  }
  const buckets: Record<string, string> = {};
  for (const [first, ws] of byFirst) buckets[first] = ws.join(SEP);
  return { buckets, also };
}

/** Membership in a SortedWords, as a Set of the same strings would answer. */
export class WordSet {
  private readonly split = new Map<string, readonly string[]>();
  constructor(private readonly words: SortedWords) {}

  has(w: string): boolean {
    if (w === '' || w.includes(SEP)) return this.words.also.includes(w);
    const first = w[0]!;
    let list = this.split.get(first);
    if (list === undefined) {
      const joined = Object.hasOwn(this.words.buckets, first)
        ? this.words.buckets[first]
        : undefined;
      list = joined === undefined ? [] : joined.split(SEP);
      this.split.set(first, list);
    }
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = list[mid]!;
      if (at === w) return true;
      if (at < w) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }
}

let allowed: WordSet | undefined;
let common: WordSet | undefined;
let longest = 1;

/**
 * The allow-list as the build writes it: its phrases, the most tokens in one, and the
 * common words (folded the same way).
 */
export interface AllowListData {
  readonly phrases: SortedWords;
  readonly longest: number;
  readonly common: SortedWords;
}

/** Builds the allow-list from ICU's names and the lists above. */
export function computeAllowList(): AllowListData {
  const cldr = cldrNames();
  const all = [
    ...cldr.regions,
    ...cldr.languages,
    ...cldr.calendar,
    ...phrases(PLACES_EXTRA),
    ...phrases(CITIES),
    ...phrases(NATIONALITIES),
    ...phrases(ORGANISATIONS),
    ...phrases(RELIGIOUS_AND_CALENDAR),
  ];
  const out = new Set<string>();
  let most = 1;
  for (const p of all) {
    const k = key(p);
    if (!k) continue;
    out.add(k);
    // Plurals of nationalities and demonyms ("Nigerians", "Roumains", "Rumanos").
    if (!k.includes(' ')) out.add(`${k}s`);
    most = Math.max(most, k.split(' ').length);
  }
  return {
    phrases: sortedWords(out),
    longest: most,
    common: sortedWords(phrases(COMMON).map(key)),
  };
}

/** The name of the allow-list the build writes (icu-precomputed.ts). */
export const ALLOW_LIST_FILE = 'allow-list';

function isSortedWords(x: unknown): x is SortedWords {
  const o = x as Partial<Record<keyof SortedWords, unknown>> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.buckets === 'object' &&
    o.buckets !== null &&
    Object.values(o.buckets).every((b) => typeof b === 'string') &&
    Array.isArray(o.also) &&
    o.also.every((w) => typeof w === 'string')
  );
}

function isAllowList(x: unknown): x is AllowListData {
  const o = x as Partial<Record<keyof AllowListData, unknown>> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    isSortedWords(o.phrases) &&
    typeof o.longest === 'number' &&
    isSortedWords(o.common)
  );
}

/**
 * Folded phrases (tokens joined by one space) that the name detector keeps: as the
 * build wrote them for this runtime's ICU data, else built here.
 */
export function allowList(): { has(phrase: string): boolean } {
  if (!allowed) load();
  return allowed!;
}

function load(): void {
  const data = readIcuPrecomputed(ALLOW_LIST_FILE, isAllowList) ?? computeAllowList();
  allowed = new WordSet(data.phrases);
  longest = data.longest;
  common = new WordSet(data.common);
}

/** Build step: writes the allow-list for this runtime into `outDir`; returns the file. */
export function writeAllowList(outDir: string): string {
  return writeIcuPrecomputed(outDir, ALLOW_LIST_FILE, computeAllowList());
}

/** The most tokens in one allow-listed phrase. */
export function longestAllowed(): number {
  allowList();
  return longest;
}

/** Ordinary words that are capitalised at the start of a sentence, and titles. */
export function commonWords(): { has(word: string): boolean } {
  if (!common) load();
  return common!;
}

export function allowKey(s: string): string {
  return key(s);
}
