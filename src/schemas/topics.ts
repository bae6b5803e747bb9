/** The closed list of topics an article may carry, with the label and blurb readers see. */
export const TOPICS = {
  release: { label: 'Release', blurb: 'What Xen 3.4 is, what changed since 3.3 and how the project was put together.' },
  xci: { label: 'Xen Client Initiative', blurb: 'XCI, client hypervisors, XenClient and what became of them.' },
  ras: { label: 'RAS', blurb: 'Reliability, availability and serviceability: machine checks, offlining, fault isolation.' },
  power: { label: 'Power management', blurb: 'P-states, C-states, timers, power-aware scheduling and xenpm.' },
  passthrough: { label: 'PCI passthrough', blurb: 'VT-d, the IOMMU, pciback and giving a guest a real device.' },
  toolstack: { label: 'Toolstack', blurb: 'xend, xm, xenstore and the configuration files that drive them.' },
  guests: { label: 'Guests', blurb: 'Paravirtualised and HVM guests, their configuration and drivers.' },
  setup: { label: 'Setup', blurb: 'Hardware checks, building, booting and configuring a Xen 3.4 host.' },
  security: { label: 'Security', blurb: 'Isolation, attack surface, driver domains, TXT and the TPM.' },
  performance: { label: 'Performance', blurb: 'I/O paths, drivers, scheduling and what they cost.' },
  'hypervisor-types': { label: 'Type 1 and type 2', blurb: 'Bare-metal and hosted hypervisors compared.' },
  market: { label: 'Market', blurb: 'Where Xen stood among virtualisation products in 2009.' },
} as const;

/** A topic id, e.g. `power`. */
export type TopicId = keyof typeof TOPICS;

/** Every topic id, in display order. */
export const TOPIC_IDS = Object.keys(TOPICS) as [TopicId, ...TopicId[]];
