/**
 * Column names after the Human Trafficking Case Data Standard (IOM, HTCDS 2.0) for
 * `--profile htcds`, where one of our columns maps onto a standard field: sex →
 * prs_Gender, nationality → prs_Nationality (ISO 3166 codes, as HTCDS asks), and
 * ILO indicators that match a value of the multi-select vic_MethodsOfControl, as one
 * 0/1 column per value (`vic_MethodsOfControl.DebtBondage`). Values are not
 * recoded. The questionnaire's `export.htcds` map adds or overrides names.
 */
export const BUILTIN_HTCDS_NAMES: ReadonlyMap<string, string> = new Map([
  ['sex', 'prs_Gender'],
  ['gender', 'prs_Gender'],
  ['nationality', 'prs_Nationality'],
  ['ind_debt_bondage', 'vic_MethodsOfControl.DebtBondage'],
  ['ind_withholding_of_wages', 'vic_MethodsOfControl.TakesEarnings'],
  ['ind_threats_of_violence', 'vic_MethodsOfControl.Threats'],
  ['ind_under_strong_influence', 'vic_MethodsOfControl.PsychologicalAbuse'],
  ['ind_violence_against_person', 'vic_MethodsOfControl.PhysicalAbuse'],
  ['ind_deceived_nature_of_job', 'vic_MethodsOfControl.FalsePromises'],
  ['ind_isolation_confinement_surveillance', 'vic_MethodsOfControl.RestrictsMovement'],
  ['ind_excessive_hours', 'vic_MethodsOfControl.ExcessiveWorkingHours'],
  ['ind_threat_of_denunciation', 'vic_MethodsOfControl.ThreatOfLawEnforcement'],
  ['ind_confiscation_of_documents', 'vic_MethodsOfControl.WithholdsDocuments'],
]);

/** Header names for the profile: the questionnaire's names first, then the built-ins; never two equal names. */
export function htcdsHeaders(
  columns: readonly string[],
  fromQuestionnaires: ReadonlyMap<string, string>,
): string[] {
  const taken = new Set<string>();
  const out = columns.map((c) => {
    const name = fromQuestionnaires.get(c) ?? BUILTIN_HTCDS_NAMES.get(c);
    if (name === undefined || taken.has(name) || columns.includes(name)) return undefined;
    taken.add(name);
    return name;
  });
  return out.map((name, i) => name ?? columns[i]!);
}
