import type { RequestPackage, WorkspaceReport } from '@taskforce/core/reports';

const marking = {
  tlp: 'AMBER' as const,
  releasableTo: ['VNM', 'THA'],
  caveats: [],
  originator: { orgId: 'org-vn-police', country: 'VNM' },
};

/** A package as core builds it (no proofs: the e2e suite makes real ones). */
export const samplePackage = (): RequestPackage => ({
  kind: 'request_package',
  generatedAt: '2026-12-07T10:00:00.000Z',
  generatedFor: { orgId: 'org-vn-police', sub: 'officer-1', country: 'VNM' },
  marking: { tlp: 'AMBER', relTo: ['THA', 'VNM'] },
  workspace: {
    id: 'ws-0001',
    title: 'Chiến dịch Sông Hồng — การสืบสวนร่วม',
    legalBasis: { code: 'UNCC', text: 'UN Convention against Cybercrime' },
  },
  request: {
    workspaceId: 'ws-0001',
    id: 'req-0001',
    providerOrgId: 'org-globalmail',
    type: 'production',
    legalBasis: { code: 'UNCC', text: 'Điều 29 — Lệnh cung cấp dữ liệu lưu trữ', reference: 'QĐ-123/2026' },
    urgency: 'standard',
    description: 'Thông tin thuê bao và nhật ký đăng nhập của tài khoản nghi phạm. ข้อมูลผู้ใช้บริการและบันทึกการเข้าสู่ระบบ',
    selectors: [{ type: 'email', value: 'suspect@example.com' }] as never,
    status: 'fulfilled',
    marking,
    clock: {
      rule: 'production.default',
      startedAt: '2026-12-01T09:00:00.000Z',
      dueAt: '2026-12-11T09:00:00.000Z',
      reminders: ['P2D'],
      extensionsUsed: 1,
    },
    clarifications: [
      {
        question: 'Which time zone are the timestamps in?',
        askedAt: '2026-12-02T09:00:00.000Z',
        askedBy: 'org-globalmail',
        answer: 'Giờ Đông Dương (UTC+7) — เวลาอินโดจีน',
        answeredAt: '2026-12-02T10:00:00.000Z',
      },
    ],
    requestedBy: { sub: 'officer-1', orgId: 'org-vn-police', country: 'VNM' },
    createdAt: '2026-12-01T08:00:00.000Z',
    updatedAt: '2026-12-05T08:00:00.000Z',
    sentAt: '2026-12-01T09:00:00.000Z',
    evidence: { registered: 1, stored: 1 },
    version: 5,
  },
  partner: { orgId: 'org-globalmail', name: 'GlobalMail Inc.', country: 'USA' },
  history: [{ at: '2026-12-01T09:00:00.000Z', action: 'request.sent', by: 'org-vn-police' }],
  messages: [{ at: '2026-12-03T09:00:00.000Z', by: 'org-th-police', text: 'ได้รับเอกสารแล้ว ขอบคุณครับ — Đã nhận, cảm ơn.', tlp: 'GREEN' }],
  evidence: [
    {
      id: 'ev-0001',
      fileName: 'subscriber.csv',
      size: 2048,
      mediaType: 'text/csv',
      sha256: 'a'.repeat(64),
      registeredAt: '2026-12-04T09:00:00.000Z',
    },
  ],
  custody: [
    { at: '2026-12-05T09:00:00.000Z', action: 'evidence.downloaded', by: 'org-vn-police', evidenceId: 'ev-0001', sha256: 'a'.repeat(64) },
  ],
  proofs: null,
});

export const sampleReport = (): WorkspaceReport => ({
  kind: 'workspace_report',
  generatedAt: '2026-12-07T10:00:00.000Z',
  generatedFor: { orgId: 'org-vn-police', sub: 'officer-1', country: 'VNM' },
  marking: { tlp: 'RED', relTo: 'members' },
  workspace: {
    id: 'ws-0001',
    title: 'Chiến dịch Sông Hồng',
    status: 'open',
    legalBasis: { code: 'JIT-AGREEMENT', text: 'Thỏa thuận nhóm điều tra chung' },
    leadOrgId: 'org-vn-police',
  },
  members: [
    { orgId: 'org-vn-police', orgName: 'Cục Cảnh sát hình sự', country: 'VNM', role: 'lead', joinedAt: '2026-11-01T00:00:00.000Z' },
    { orgId: 'org-th-police', orgName: 'สำนักงานตำรวจแห่งชาติ', country: 'THA', role: 'member', joinedAt: '2026-11-02T00:00:00.000Z' },
  ],
  tasks: [
    {
      id: 'task-0001',
      title: 'Phân tích ví tiền mã hóa',
      assigneeOrgId: 'org-th-police',
      dueAt: '2026-12-01T00:00:00.000Z',
      priority: 'high',
      status: 'open',
      overdue: true,
      tlp: 'AMBER',
    },
    {
      id: 'task-0002',
      title: 'ตรวจสอบบัญชีธนาคาร',
      assigneeOrgId: 'org-vn-police',
      dueAt: '2026-12-20T00:00:00.000Z',
      priority: 'normal',
      status: 'accepted',
      overdue: false,
      tlp: 'RED',
    },
  ],
  incidents: [
    {
      id: 'inc-0001',
      severity: 'critical',
      type: 'ransomware',
      summary: 'Tấn công mã độc tống tiền bệnh viện',
      status: 'open',
      raisedAt: '2026-12-06T00:00:00.000Z',
      tlp: 'AMBER',
    },
  ],
  requests: [
    {
      id: 'req-0001',
      type: 'production',
      providerOrgId: 'org-globalmail',
      status: 'sent',
      urgency: 'standard',
      sentAt: '2026-12-01T09:00:00.000Z',
      dueAt: '2026-12-11T09:00:00.000Z',
      extensionsUsed: 0,
      tlp: 'AMBER',
    },
  ],
});
