import {
  CONTRACT_TEMPLATE_DEFS,
  contractSlots,
  zhNumber,
  type Contract,
  type ContractSignature,
} from '@shuliu/contracts';
import { renderPdf, type PdfBlock } from '../shared/pdf.js';

const STATE = { drafted: '已起草，待买方签署', buyer_signed: '买方已签署，待卖方签署', concluded: '已成立' };
const CUSTODY = { platform: '平台托管密钥', org: '机构自持密钥（离线签署）' };

/** An instant in Beijing time (UTC+8 all year): 2026-07-01 09:30:00. */
export const beijingTime = (at: string) =>
  new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

const heading = (text: string): PdfBlock => ({ text, size: 12, bold: true, gapBefore: 10 });

function signatureBlocks(c: Contract, roles: { buyer: string; seller: string }): PdfBlock[] {
  const out: PdfBlock[] = [heading('电子签名')];
  for (const party of ['buyer', 'seller'] as const) {
    const who = c.document.parties[party];
    const s: ContractSignature | undefined = c.signatures.find((x) => x.party === party);
    out.push({ text: `${roles[party]}（电子签名）：${who.name}`, bold: true, gapBefore: 4 });
    if (!s) {
      out.push({ text: '尚未签署', grey: true });
      continue;
    }
    out.push(
      { text: `签名密钥：${s.keyId}（${CUSTODY[s.custody]}，SM2-SM3）` },
      { text: `签署时间：${beijingTime(s.signedAt)}（北京时间）    账本序号：${s.ledgerIndex}` },
      { text: `签名值（r‖s）：${s.signature}`, size: 9, grey: true },
    );
  }
  return out;
}

/**
 * The contract as a printable PDF: the very document both parties sign (its canonical JSON, zh-CN, the
 * binding text) — number, SM3 hash, state, parties with USCC, every clause — then each party's signature with
 * its key and time, and how to check it all offline.
 */
export function contractPdf(c: Contract, opts: { compress?: boolean } = {}): Buffer {
  const d = c.document;
  const def = CONTRACT_TEMPLATE_DEFS[d.template];
  const slots = contractSlots(d, 'zh-CN');
  const roles = { buyer: slots.buyerRole!, seller: slots.sellerRole! };
  const party = (role: string, p: Contract['document']['parties']['buyer']) => ({
    text: `${role}：${p.name}    统一社会信用代码：${p.uscc ?? '无'}`,
  });
  const blocks: PdfBlock[] = [
    { text: def.name['zh-CN'], size: 18, bold: true, center: true },
    { text: `合同编号：${d.contractNo}`, center: true, gapBefore: 6 },
    heading('合同概要'),
    { text: `示范文本：${def.name['zh-CN']}（${d.template}，${d.templateVersion}）` },
    { text: `起草时间：${beijingTime(d.draftedAt)}（北京时间）` },
    {
      text: `合同状态：${STATE[c.state]}${c.concludedAt ? `（成立时间 ${beijingTime(c.concludedAt)}）` : ''}`,
    },
    { text: `合同哈希（SM3，RFC 8785 规范化文本）：${c.contractHash}` },
    party(roles.seller, d.parties.seller),
    party(roles.buyer, d.parties.buyer),
    party('平台', d.parties.platform),
    heading('合同条款'),
    ...d.clauses.flatMap((k): PdfBlock[] => [
      { text: `第${zhNumber(k.no)}条\u3000${k.title}`, bold: true, gapBefore: 6 },
      { text: k.text },
    ]),
    ...signatureBlocks(c, roles),
    {
      text: '本文件依据合同的规范化 JSON 生成，中文文本为准。各方签名与合同成立均已写入数流透明账本，可取得核验包（GET /api/trade/contracts/{合同编号}/verify）后以 `shuliu verify-contract` 离线核验。',
      size: 9,
      grey: true,
      gapBefore: 14,
    },
  ];
  return renderPdf(blocks, {
    title: `${def.name['zh-CN']} ${d.contractNo}`,
    footer: `${d.contractNo}  SM3 ${c.contractHash.slice(0, 16)}…`,
    compress: opts.compress,
    createdAt: new Date(c.concludedAt ?? c.signatures.at(-1)?.signedAt ?? d.draftedAt),
  });
}
