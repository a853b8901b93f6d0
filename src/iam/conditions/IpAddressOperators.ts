import { toText, type OperatorFamily } from './OperatorFamily.js';

/** An IPv4 or IPv6 network: its address bytes and prefix length in bits. */
export interface IpNetwork {
  bytes: number[];
  prefix: number;
}

const parseIpv4 = (text: string): number[] | null => {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : 256));
  return bytes.every((byte) => byte <= 255) ? bytes : null;
};

const parseIpv6 = (text: string): number[] | null => {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else return null;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const all = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return all.flatMap((group) => [group >> 8, group & 255]);
};

/** Parses `203.0.113.0/24`, `2001:db8::/32` or a bare address (a full-length prefix); null when invalid. */
export function parseIpNetwork(text: string): IpNetwork | null {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const bytes = address.includes(':') ? parseIpv6(address) : parseIpv4(address);
  if (bytes === null) return null;
  const max = bytes.length * 8;
  if (prefixText === undefined) return { bytes, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { bytes, prefix: Number(prefixText) };
}

/** Whether `address` lies inside `network`; IPv4 and IPv6 never match each other. */
export function isInNetwork(address: IpNetwork, network: IpNetwork): boolean {
  if (address.bytes.length !== network.bytes.length) return false;
  let bits = network.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 255 : (255 << (8 - bits)) & 255;
    if ((address.bytes[i]! & mask) !== (network.bytes[i]! & mask)) return false;
  }
  return true;
}

/** `IpAddress` and `NotIpAddress`: CIDR ranges, IPv4 and IPv6, as for aws:SourceIp. */
export const IpAddressOperators: OperatorFamily = {
  operators: { IpAddress: { negated: false }, NotIpAddress: { negated: true } },
  supportsVariables: false,
  validateValue: (value) => (parseIpNetwork(value) === null ? `\`${value}\` is not an ip address or cidr range` : null),
  compile(_operator, values) {
    const networks = values.map((parts) => parseIpNetwork(toText(parts))).filter((n): n is IpNetwork => n !== null);
    return (value) => {
      const address = parseIpNetwork(value);
      return address !== null && networks.some((network) => isInNetwork(address, network));
    };
  },
};
