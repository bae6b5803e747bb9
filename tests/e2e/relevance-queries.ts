/**
 * Queries readers really type, each with the article that must come up in the top three
 * results. Where two articles answer a query equally well, either one may be the one in the top
 * three (`expect` lists both). Used by relevance.spec.ts.
 */
export interface RelevanceCase {
  /** What the reader types. */
  query: string;
  /** Article ids (`section/slug`), any of which must be among the first three results. */
  expect: string[];
  /** Why this article is the right answer, for whoever has to fix a failure. */
  why: string;
}

export const RELEVANCE_CASES: RelevanceCase[] = [
  { query: 'xenpm', expect: ['reference/xenpm', 'features/p-states-and-cpufreq'], why: 'the command reference' },
  { query: 'machine check', expect: ['features/machine-check-handling'], why: 'the feature article on machine checks' },
  { query: 'battery life', expect: ['comparisons/battery-life-and-power'], why: 'the battery life comparison' },
  { query: 'VT-d passthrough', expect: ['features/pci-passthrough-vt-d', 'guides/pci-passthrough'], why: 'passthrough with VT-d' },
  { query: 'type 2 hypervisor', expect: ['comparisons/type-1-vs-type-2'], why: 'defines type 2' },
  { query: 'menu.lst', expect: ['guides/boot-xen', 'reference/boot-options'], why: 'editing the GRUB legacy entry' },
  { query: 'C-states', expect: ['features/c-states-and-cpuidle'], why: 'the C-states article' },
  { query: 'xend-config.sxp', expect: ['guides/xend-and-networking'], why: 'the guide that edits xend-config.sxp' },
  { query: 'cpufreq', expect: ['features/p-states-and-cpufreq'], why: 'the cpufreq article' },
  { query: 'passthru', expect: ['features/pci-passthrough-vt-d', 'guides/pci-passthrough'], why: 'another spelling of passthrough' },
  { query: 'MCE', expect: ['features/machine-check-handling'], why: 'MCE is a machine check exception' },
  { query: 'domain 0', expect: ['features/xen-architecture', 'reference/glossary'], why: 'Domain 0 is Dom0, explained in the architecture article and the glossary' },
  { query: 'type II', expect: ['comparisons/type-1-vs-type-2'], why: 'type II is type 2' },
  { query: 'P-states', expect: ['features/p-states-and-cpufreq'], why: 'the P-states article' },
  { query: 'frequency scaling', expect: ['features/p-states-and-cpufreq'], why: 'frequency scaling is cpufreq' },
  { query: 'DVFS', expect: ['features/p-states-and-cpufreq'], why: 'DVFS is what cpufreq does' },
  { query: 'hosted hypervisor', expect: ['comparisons/type-1-vs-type-2'], why: 'a hosted hypervisor is type 2' },
  { query: 'bare-metal hypervisor', expect: ['comparisons/type-1-vs-type-2'], why: 'a bare-metal hypervisor is type 1' },
  { query: 'IOMMU', expect: ['features/pci-passthrough-vt-d', 'features/amd-iommu', 'reference/glossary'], why: 'VT-d is Intel’s IOMMU; the AMD one and the glossary entry answer it too' },
  { query: 'machine check exception', expect: ['features/machine-check-handling'], why: 'the long form of MCE' },
  { query: 'mcelog', expect: ['guides/machine-check-logging'], why: 'the logging guide uses mcelog' },
  { query: 'xm create', expect: ['guides/first-pv-guest', 'reference/xm-commands'], why: 'starting a guest' },
  { query: 'virtual battery', expect: ['guides/virtual-battery', 'features/client-power-features'], why: 'the virtual battery' },
  { query: 'Windows XP HVM guest', expect: ['guides/windows-hvm-guest'], why: 'the Windows guide' },
  { query: 'GRUB', expect: ['guides/boot-xen'], why: 'booting Xen with GRUB legacy' },
  { query: 'Xen Client Initiative', expect: ['features/xen-client-initiative'], why: 'the XCI article' },
  { query: 'XCI', expect: ['features/xen-client-initiative'], why: 'the XCI article' },
  { query: 'page offlining', expect: ['features/cpu-and-page-offlining'], why: 'the offlining article' },
  { query: 'tick alignment', expect: ['features/timers-and-tick-alignment'], why: 'the timers article' },
  { query: 'vpt_align', expect: ['features/timers-and-tick-alignment'], why: 'the option that aligns guest ticks' },
  { query: 'dom0_mem', expect: ['reference/boot-options', 'guides/boot-xen'], why: 'the boot option' },
  { query: 'power boot options', expect: ['reference/power-management-boot-options'], why: 'the page of power options on the Xen line' },
  { query: 'xm vnet-list', expect: ['reference/xm-commands'], why: 'a command the reference names and lists from the source' },
  { query: 'wifi guest network', expect: ['guides/nat-and-routed-networking'], why: 'why a wireless card cannot carry a bridge, and what to use instead' },
  { query: 'network-route proxy arp', expect: ['guides/routed-guest-networking'], why: 'the routed mode guide' },
  { query: 'tap:aio', expect: ['guides/guest-disks'], why: 'the guide to guest disk types' },
  { query: 'xendomains', expect: ['guides/save-and-restore-guests'], why: 'saving guests at shutdown, and the script fix' },
  { query: 'scsi-attach', expect: ['guides/pvscsi-usb-disk', 'reference/xm-commands'], why: 'passing a SCSI or USB disk to a guest' },
  { query: 'PV framebuffer', expect: ['guides/pv-guest-desktop'], why: 'a screen for a PV guest' },
  { query: 'qcow image', expect: ['guides/guest-disks'], why: 'copy-on-write images with blktap' },
  { query: 'loop device', expect: ['guides/guest-disks', 'guides/first-pv-guest'], why: 'file: disks and the loop device limit' },
  { query: 'what is new in Xen 3.4', expect: ['features/whats-new-in-xen-3-4'], why: 'the release overview' },
  { query: 'build from source', expect: ['guides/build-xen-from-source'], why: 'the build guide' },
  { query: 'xenbr0 bridge', expect: ['guides/xend-and-networking'], why: 'bridged networking' },
  { query: 'Viridian', expect: ['features/other-changes'], why: 'Viridian enlightenments' },
  { query: 'VMX disabled by BIOS', expect: ['guides/check-your-hardware', 'guides/boot-xen', 'guides/troubleshooting'], why: 'an error message readers paste' },
  { query: 'Error 15: File not found', expect: ['guides/boot-xen', 'guides/troubleshooting'], why: 'a GRUB error readers paste' },
  { query: 'ondemand governor', expect: ['features/p-states-and-cpufreq'], why: 'the cpufreq governors' },
  { query: 'SMT power savings', expect: ['features/power-aware-scheduling'], why: 'sched_smt_power_savings' },
  { query: 'pciback', expect: ['guides/pci-passthrough', 'features/pci-passthrough-vt-d'], why: 'hiding a device from Dom0' },
  { query: 'security isolation', expect: ['comparisons/security-and-isolation'], why: 'the security comparison' },
  { query: 'which hypervisor should I use', expect: ['comparisons/which-should-i-use'], why: 'the decision guide' },
  { query: 'RAS', expect: ['features/ras'], why: 'the RAS article' },
  { query: 'VirtualBox', expect: ['comparisons/client-hypervisors-2009'], why: 'the comparison matrix lists it' },
  { query: 'market share', expect: ['features/xen-in-the-market-2009'], why: 'Xen’s share of the market' },
  { query: 'domain configuration file', expect: ['reference/domain-configuration'], why: 'the configuration keys' },
  // The articles added for depth: AMD, idle and time, Dom0 kernels, isolation, 3.4.x.
  { query: 'PowerNow', expect: ['features/powernow-frequency-scaling'], why: 'AMD PowerNow! frequency scaling' },
  { query: 'AMD IOMMU', expect: ['features/amd-iommu'], why: 'the AMD IOMMU beside VT-d' },
  { query: 'AMD SVM', expect: ['features/amd-svm-in-xen-3-4'], why: 'SVM is AMD-V' },
  { query: 'stub domain', expect: ['features/stub-domains'], why: 'qemu in a stub domain' },
  { query: 'FLASK', expect: ['features/xsm-flask'], why: 'the Flask security module of XSM' },
  { query: 'pvops Dom0', expect: ['features/dom0-kernels-2009'], why: 'Dom0 kernels: 2.6.18-xen against pvops' },
  { query: '3.4.2', expect: ['features/xen-3-4-maintenance-releases'], why: 'a maintenance release' },
  { query: 'HPET broadcast', expect: ['features/hpet-broadcast'], why: 'the broadcast timer article' },
  { query: 'driver domain', expect: ['features/driver-domains'], why: 'back ends outside Dom0' },
  { query: 'tboot', expect: ['features/tboot-and-txt'], why: 'trusted boot with tboot and TXT' },
  { query: 'iommu=pv', expect: ['reference/boot-options', 'features/driver-domain-iommu', 'features/driver-domains'], why: 'an option typed with its value: its reference row, or what it isolates for a driver domain' },
  { query: 'Invisible Things Lab', expect: ['features/xen-and-txt-attacks-2008-09'], why: 'the 2008–09 attacks on Xen, TXT and SMM' },
  { query: 'clocksource', expect: ['features/clock-sources-and-tsc'], why: 'the clock sources article' },
  { query: 'AMD machine check', expect: ['features/machine-checks-intel-vs-amd'], why: 'machine checks on Intel and AMD' },
  { query: 'nested paging', expect: ['features/amd-svm-in-xen-3-4'], why: 'AMD nested paging (RVI) under SVM' },
  { query: 'removed boot options', expect: ['reference/changes-3-3-to-3-4'], why: 'what changed between 3.3 and 3.4' },
];
