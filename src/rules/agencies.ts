// News and photo agencies: named in photo credits (captions, credits) and datelines (timestamps).

/** News and photo agencies whose names appear in photo credits and datelines. */
export const AGENCIES: readonly string[] = [
  "AFP", "AP", "Associated Press", "Reuters", "REUTERS", "EPA", "EFE", "EPA-EFE", "dpa", "DPA", "ANSA", "APA",
  "TASS", "ТАСС", "RIA Novosti", "РИА Новости", "Интерфакс", "Interfax", "Sputnik", "Спутник", "Xinhua", "Anadolu",
  "PA", "PA Images", "PA Wire", "AAP", "UPI", "Bloomberg", "Getty", "Getty Images", "Shutterstock", "Alamy",
  "NurPhoto", "SIPA", "Sipa", "Imago", "picture alliance", "picture-alliance", "Keystone", "KEYSTONE", "Belga", "BELGA",
  "ANP", "Ritzau", "NTB", "TT", "Europa Press", "Kyodo", "Yonhap", "IANS", "PTI", "ABACA", "Abaca", "WENN",
  "ZUMA", "Zuma Press", "Polaris", "Corbis", "Redux", "Pool", "POOL", "Handout", "HANDOUT", "Wikimedia Commons",
  // pt and it
  "Lusa", "LUSA", "Agência Lusa", "Agência Brasil", "Folhapress", "Estadão Conteúdo", "Agência O Globo", "LaPresse", "Adnkronos", "Fotogramma",
];
