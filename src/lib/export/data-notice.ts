/**
 * Where exported data comes from and on what terms, written into every JSON export and beside every file (HTTP
 * headers, so plain ASCII). Pure.
 */

/** The sources of an export's values; each row also names the sources of its own indicators. */
export const EXPORT_SOURCES =
  "Indicators: Ministry of Economic Development of the Russian Federation (2012), HSE (2015), Table 4; facts and names: public sources named on each profile; profiles: the clusters' managers, approved by the portal's moderators; regions: Natural Earth (public domain)";

/**
 * The terms of reuse. The portal attaches no licence of its own to the data: every value stays under the terms of
 * the source it names, so the export says that and asks for the source to be cited.
 */
export const EXPORT_LICENCE =
  "No licence of the portal's own: each value stays under the terms of the source it names (official statistics and publications, public web pages, the clusters' own profiles); cite that source when reusing it.";
