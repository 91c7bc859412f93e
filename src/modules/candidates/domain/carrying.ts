/**
 * The registry's equivalences between blocs of two certifications, as the carrying of partial
 * awards uses them (issue 13, point 5; award-carry.ts). Pure code.
 *
 * A CORRESPONDANCES entry of fiche F names blocs of F (`SOURCE`) and blocs of another fiche G
 * (`DESTINATION`), each by its registry code (`RNCP40344BC04`: the fiche's number then the bloc's
 * code). It records an equivalence between the two sets, published on either fiche: it is read
 * both ways. Holding every bloc of one side — in one partial award of a certification linked to
 * that side's fiche — carries every bloc of the other side into candidacies of a certification
 * linked to the other fiche. An entry naming no bloc on a side (whole certifications) carries
 * nothing: a partial award does not make a whole certification.
 */

/** A CORRESPONDANCES entry as the registry's fiche holds it (src/modules/registry/xml-fiche.ts). */
export type RegistryCorrespondence = {
  sourceBlocs: string[];
  destinationFiche: string;
  destinationBlocs: string[];
};

/** The correspondences of a fiche linked to a certification (RegistryService.linkedCorrespondences). */
export type LinkedFiche = {
  certificationId: string;
  fiche: string;
  correspondences: readonly RegistryCorrespondence[];
};

/** One way of carrying: holding `fromBlocs` of `fromCertificationId` carries `toBlocs` into `toCertificationId`. */
export type CarryEdge = {
  fromCertificationId: string;
  /** The fiche of the holding side: a framework's bloc `BC01` is its `${fromFiche}BC01`. */
  fromFiche: string;
  /** Registry codes, each held (by its code or its code within the fiche) for the edge to apply. */
  fromBlocs: string[];
  toCertificationId: string;
  /** Each carried bloc in both forms (registry code, and without its fiche's number): the candidacy's framework names one. */
  toBlocs: string[];
  /** The entry, as staff see it (the fiche that publishes it and both sides). */
  correspondence: RegistryCorrespondence & { fiche: string };
};

/** A registry bloc code and, when it starts with its fiche's number, the code without it. */
export function blocForms(fiche: string, code: string): string[] {
  return code.startsWith(fiche) && code.length > fiche.length ? [code, code.slice(fiche.length)] : [code];
}

/** Every carrying edge the linked fiches' correspondences give, both ways, without repeats. */
export function registryCarryEdges(linked: readonly LinkedFiche[]): CarryEdge[] {
  const certificationsOf = new Map<string, string[]>();
  for (const l of linked)
    certificationsOf.set(l.fiche, [
      ...new Set([...(certificationsOf.get(l.fiche) ?? []), l.certificationId]),
    ]);
  const edges = new Map<string, CarryEdge>();
  const add = (edge: CarryEdge) => {
    const key = JSON.stringify([
      edge.fromCertificationId,
      edge.fromBlocs,
      edge.toCertificationId,
      edge.toBlocs,
    ]);
    if (!edges.has(key)) edges.set(key, edge);
  };
  for (const l of linked)
    for (const entry of l.correspondences) {
      const source = [...new Set(entry.sourceBlocs)].sort();
      const destination = [...new Set(entry.destinationBlocs)].sort();
      if (source.length === 0 || destination.length === 0) continue;
      const correspondence = { fiche: l.fiche, ...entry };
      for (const other of certificationsOf.get(entry.destinationFiche) ?? []) {
        if (other === l.certificationId) continue;
        add({
          fromCertificationId: other,
          fromFiche: entry.destinationFiche,
          fromBlocs: destination,
          toCertificationId: l.certificationId,
          toBlocs: source.flatMap((b) => blocForms(l.fiche, b)),
          correspondence,
        });
        add({
          fromCertificationId: l.certificationId,
          fromFiche: l.fiche,
          fromBlocs: source,
          toCertificationId: other,
          toBlocs: destination.flatMap((b) => blocForms(entry.destinationFiche, b)),
          correspondence,
        });
      }
    }
  return [...edges.values()];
}
