/**
 * The components authors may use in MDX, available in every article without an import.
 * Adding one here makes it part of the authoring contract: document it in CONTRIBUTING.md.
 */
import Callout from './Callout.astro';
import Steps from './Steps.astro';
import Term from './Term.astro';
import Diagram from './Diagram.astro';
import BootOptionsTable from './BootOptionsTable.astro';
import XenpmTable from './XenpmTable.astro';
import XmCommandsTable from './XmCommandsTable.astro';
import DomainConfigTable from './DomainConfigTable.astro';
import XendConfigTable from './XendConfigTable.astro';
import GlossaryList from './GlossaryList.astro';
import ComparisonMatrix from './ComparisonMatrix.astro';
import SourceListing from './SourceListing.astro';
import SourceChanges from './SourceChanges.astro';
import AuditLedger from './AuditLedger.astro';

export const mdxComponents = {
  Callout,
  Steps,
  Term,
  Diagram,
  BootOptionsTable,
  XenpmTable,
  XmCommandsTable,
  DomainConfigTable,
  XendConfigTable,
  GlossaryList,
  ComparisonMatrix,
  SourceListing,
  SourceChanges,
  AuditLedger,
};

/** Names of the components authors may use. */
export const MDX_COMPONENT_NAMES = Object.keys(mdxComponents);
