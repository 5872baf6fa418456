/**
 * Common given names across the regions people in screening come from. Used only for
 * a capitalised word that starts a sentence (elsewhere every capitalised word not on
 * the allow-list is treated as a name anyway): "Blessing collected the money" is a
 * name, "Brought through Russia" is not. Compared folded; a list from general
 * knowledge, not from any data set of people.
 */
export const GIVEN_NAMES = `
Aaliyah Aaron Abdi Abdul Abdullah Abdullahi Abebe Abena Abigail Abimbola Abiola Abu Abubakar Ada Adaeze Adama Adamu Adanna Adaora Adebayo Adeola Adesua Adetola Adwoa Afia Afua Agnes Ahmad Ahmed Aicha Aida Aisha Aissata Aissatou Akosua Akua Alaa Alejandra Alejandro Aleksandr Aleksandra Alena Alexandru Alhassan Ali Alice Alicia Alina Alioune Alma Alpha Amadou Amal Amani Amara Amina Aminata Amir Amira Ana Anastasia Andrea Andreea Andrei Andres Andriy Angela Angelica Anh Anita Ann Anna Anne Annette Antonio Anuoluwapo Aoife Arjun Armando Arthit Asha Ashok Asma Assefa Aster Augustine Awa Ayesha Ayodele Ayodeji Aziz Aziza
Babajide Babatunde Bakary Bao Beatriz Bekele Belen Ben Benedicta Bernard Bich Bilal Binh Binta Bisi Blessing Bogdan Bohdan Boubacar Bukola
Camila Carla Carlos Carmen Catalina Catherine Cecilia Celine Chanel Chantal Chau Chiamaka Chidi Chidinma Chika Chinedu Chinonso Chioma Christelle Christina Christine Chukwuemeka Chuy Claudia Constantin Cristian Cristina Cuong
Dalia Dan Dang Daniela Daria Darya Daniel David Dawit Deborah Denis Diana Diego Dimitri Dinh Dmitri Dmitry Dmytro Doan Dorcas Doris Duc Dung Dumitru
Ebere Ebo Ebony Edith Edwin Efe Efosa Ehsan Ekaterina Elena Eliana Elif Elizabeth Elsa Emeka Emilia Emmanuel Enrique Eric Ermias Ernesto Esi Esperanza Esther Eszter Eunice Evelyn Ewa Ezinne
Fadi Faisal Farah Farhan Farida Fatima Fatma Fatou Fatoumata Favour Felix Fernanda Fernando Filipe Florin Folake Francisca Funmilayo Funmi
Gabriel Gabriela Genet Gentiana George Georgiana Ghulam Gift Gloria Goodluck Grace Guadalupe Gulnara
Ha Habib Hadiza Hafsa Haile Hakim Halima Hamid Hamza Hana Hani Hanna Hannah Hao Haruna Hassan Hawa Helen Hien Hoa Hoang Hong Hope Hossain Huda Hung Huong Hussein Huyen
Ibrahim Ibrahima Idris Ifeoma Ifeanyi Ijeoma Ikenna Ilona Imani Iman Imran Ines Ioana Ion Ionut Irina Isabel Isaac Ismail Issa Iulia Ivan Ivana Iveta Iyabo
Jamal Jamila Janet Javier Jennifer Jerome Jesus Jing Jocelyn Joelle Joy Juan Juana Julia Juliana Julie Julius Jumoke
Kadiatou Kamal Kanya Karim Karima Karina Kateryna Katarzyna Kavita Kemi Kenneth Khadija Khalid Khalil Khanh Khalida Kim Kiran Kofi Kojo Komla Kossi Kouadio Kouame Kouassi Kunle Kwabena Kwaku Kwame Kwesi
Lan Lakshmi Lamin Larisa Latifa Laura Leila Lena Leticia Liam Lien Lila Liliana Lina Linh Liza Loan Lola Loveth Lucia Lucy Luis Luisa Luz Lyudmila
Madina Mai Maimouna Malik Mamadou Mandla Manuel Manuela Marcela Marco Maria Mariam Mariama Mariana Marie Marina Marisol Mariya Mark Marta Martha Marwa Maryam Masud Mehmet Mei Mercy Merve Michael Michelle Mihaela Mihai Milena Ming Minh Miriam Mirela Mohamed Mohammad Mohammed Monica Moses Moussa Mthunzi Muhammad Musa Mustafa My
Nabil Nadia Nadine Nam Nana Nanami Nasir Nasrin Natalia Nataliia Natasha Nattaya Ndeye Nelly Nga Ngoc Ngozi Nguyen Nhung Nicoleta Nikola Nimota Nirmala Nkechi Nneka Nnamdi Noor Nora Nour Nuno Nur Nuru Nyambura
Obinna Ogechi Oksana Ola Olamide Olena Olga Oluchi Olumide Oluwaseun Omar Omotola Onyeka Osagie Osaro Osas Osasere Oscar Osman Oumar Oumou Ousmane
Paola Patience Patricia Patrick Paul Paula Pedro Peace Phuong Pooja Praise Precious Priscilla Priya
Qiang Quang Queen Quynh
Rachid Rahel Rahim Rahul Raj Rajesh Ramon Rania Rashid Rasheed Rebecca Rehema Reza Rhoda Rim Rita Roberto Rodica Rohan Rosa Rose Rosemary Rowena Ruslan Ruth
Saad Sabina Sabrina Sadia Safiya Sagal Said Saida Salam Salif Salim Salma Salomon Samia Samira Samuel Sana Sandra Sani Santiago Sara Sarah Sergei Sergey Seydou Shabnam Shanti Sharifa Shirin Simona Siobhan Siriporn Sofia Somchai Sophie Stefan Stefania Suleiman Sunita Svetlana
Tahir Tamara Tanvir Tariq Tatiana Temitope Tesfaye Thanh Thao Thi Thu Thuy Tien Titilayo Tomas Tran Trang Tuan Tunde Tung
Uche Uchenna Ulises Umar Umaru
Valentina Van Vanessa Vasile Vera Veronica Victoria Vikram Viktor Viktoria Vinh Vivian Vo Vladimir Vy
Wafa Walid Wanjiru Wei Wendy Wilmer Wilson Winnie
Xavier Xin Xiu Ximena
Yaa Yacouba Yan Yaw Yemi Yesenia Yetunde Yolanda Youssef Yulia Yuliia Yusuf
Zahra Zainab Zakaria Zanele Zara Zeynep Zhang Zhanna Zinaida Zoran Zuzana
`;

let set: Set<string> | undefined;

/** Folded given names (lowercase, no diacritics). */
export function givenNames(): ReadonlySet<string> {
  if (!set) {
    // The list is ASCII letters, spaces and line breaks (the tests check): lower-cased
    // whole and split on spaces, as splitting on \s+ and lower-casing each name gives,
    // at half the cost.
    set = new Set(GIVEN_NAMES.toLowerCase().replaceAll('\n', ' ').split(' '));
    set.delete('');
  }
  return set;
}
