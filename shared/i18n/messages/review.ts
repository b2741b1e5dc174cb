import { defineMessages } from '../core';

/** Messages of the review feature; keys start with "review.". */
export const reviewMessages = defineMessages({
  'review.page.title': { zh: '核对与审核', en: 'Review' },
  'review.page.counts': { zh: '各审核状态的记录数', en: 'Records per review state' },
  'review.tab.review': { zh: '审核', en: 'Review' },
  'review.tab.conflicts': { zh: '冲突', en: 'Conflicts' },
  'review.tab.duplicates': { zh: '重复记录', en: 'Duplicates' },
  'review.tab.completeness': { zh: '完整性检查', en: 'Completeness' },

  'review.kind.visit': { zh: '走访', en: 'Visit' },
  'review.kind.agreement': { zh: '协议', en: 'Agreement' },
  'review.kind.visits': { zh: '走访', en: 'Visits' },
  'review.kind.agreements': { zh: '协议', en: 'Agreements' },
  'review.col.state': { zh: '审核', en: 'Review' },

  'review.queue.label': { zh: '审核队列', en: 'Review queue' },
  'review.queue.stateFilter': { zh: '按审核状态筛选', en: 'Filter by review state' },
  'review.queue.kindFilter': { zh: '按记录类型筛选', en: 'Filter by record type' },
  'review.queue.shown': { zh: '共 {shown} 条', en: '{shown:record|records}' },
  'review.queue.comments': { zh: '{count} 条意见', en: '{count:comment|comments}' },
  'review.queue.noneSubmitted': {
    zh: '没有等待审核的记录。专家点击“提交审核”后，记录会出现在这里。',
    en: 'Nothing is waiting for review. Records appear here when experts submit them.',
  },
  'review.queue.noMatch': { zh: '没有符合筛选条件的记录', en: 'No record matches the filters' },

  'review.side.choose': {
    zh: '在左侧选择一条记录进行审核（j / k 或 ↑ / ↓ 切换）',
    en: 'Choose a record on the left to review it (j / k or ↑ / ↓ to move)',
  },
  'review.side.openFull': { zh: '打开完整记录', en: 'Open the full record' },
  'review.side.keys': {
    zh: '快捷键：j / ↓ 下一条，k / ↑ 上一条；在意见框中按 Ctrl+Enter 发送。',
    en: 'Keys: j / ↓ next, k / ↑ previous; Ctrl+Enter in the comment box sends.',
  },

  'review.panel.title': { zh: '审核', en: 'Review' },
  'review.panel.expertAsk': {
    zh: '组织者要求修改这条记录：请按下方意见修改并保存，然后点击“重新提交”。',
    en: 'The organiser asked for changes: edit and save the record as the comments below say, then press “Resubmit”.',
  },
  'review.panel.expertAskForm': {
    zh: '组织者要求修改这条记录：请按下方意见修改，然后点击页面底部的“保存并重新提交”。',
    en: 'The organiser asked for changes: edit the visit as the comments below say, then press “Save and resubmit” at the bottom.',
  },
  'review.panel.lockedExpert': {
    zh: '本次活动已定稿锁定，不能再提交或回复。',
    en: 'This trip is finalised and locked: no more submissions or replies.',
  },
  'review.thread.label': { zh: '审核记录', en: 'Review history' },
  'review.thread.empty': { zh: '还没有审核意见', en: 'No review comments yet' },
  'review.thread.thisDevice': { zh: '本机', en: 'This device' },
  'review.thread.setState': { zh: '标记为', en: 'marked as' },
  'review.box.labelOrganiser': { zh: '审核意见', en: 'Comment' },
  'review.box.labelExpert': { zh: '回复或说明', en: 'Reply or note' },
  'review.box.placeholder': {
    zh: '例如：请补充问题的具体情况和解决结果',
    en: 'E.g. please describe the problem and how it was solved',
  },
  'review.box.hint': {
    zh: '写好后点下方按钮；Ctrl+Enter 只发送意见，不改变审核状态。',
    en: 'Then press a button below; Ctrl+Enter sends the comment without changing the state.',
  },
  'review.action.submit': { zh: '提交审核', en: 'Submit for review' },
  'review.action.resubmit': { zh: '重新提交', en: 'Resubmit' },
  'review.action.markIssues': { zh: '待修改', en: 'Needs changes' },
  'review.action.approve': { zh: '通过', en: 'Approve' },
  'review.action.reject': { zh: '退回', en: 'Reject' },
  'review.action.reopen': { zh: '改回待审核', en: 'Back to submitted' },
  'review.action.comment': { zh: '发送意见', en: 'Send comment' },
  'review.problem.commentRequired': {
    zh: '请先在上面写明需要修改或退回的原因，专家会看到这条意见。',
    en: 'Write above what needs to change or why it is rejected first; the expert will see it.',
  },
  'review.problem.emptyComment': { zh: '意见内容不能为空', en: 'The comment is empty' },
  'review.problem.sameState': {
    zh: '这条记录已经是这个状态了（可能刚被其他设备修改）。',
    en: 'The record is already in this state (another device may just have changed it).',
  },

  'review.lock.lock': { zh: '定稿并锁定', en: 'Finalise and lock' },
  'review.lock.unlock': { zh: '解除锁定', en: 'Unlock' },
  'review.lock.locked': { zh: '已定稿锁定', en: 'Finalised and locked' },
  'review.lock.lockQuestion': { zh: '定稿并锁定本次活动？', en: 'Finalise and lock this trip?' },
  'review.lock.lockDetails': {
    zh: '锁定后，专家在任何设备上对本次活动记录的修改都会被服务器拒绝（同步时列入“未能上传”），组织者仍可修改。之后可以随时解除锁定。',
    en: 'Once locked, the server refuses experts’ changes to this trip’s records from any device (they are listed as not uploaded when they sync); organisers can still edit. You can unlock at any time.',
  },
  'review.lock.lockConfirm': { zh: '锁定', en: 'Lock' },
  'review.lock.unlockQuestion': { zh: '解除锁定？', en: 'Unlock this trip?' },
  'review.lock.unlockDetails': {
    zh: '解除后，专家可以再次修改本次活动的记录，包括锁定期间被拒绝、重新上传的修改。',
    en: 'Experts can then change this trip’s records again, including changes refused while it was locked if they upload them again.',
  },
  'review.lock.unlockConfirm': { zh: '解除锁定', en: 'Unlock' },
  'review.lock.bannerExpert': {
    zh: '本次活动已定稿锁定，修改将被服务器拒绝',
    en: 'This trip is finalised and locked: the server will refuse changes',
  },
  'review.lock.bannerOrganiser': {
    zh: '本次活动已定稿锁定：专家的修改将被服务器拒绝，组织者仍可修改。',
    en: 'This trip is finalised and locked: the server refuses experts’ changes; organisers can still edit.',
  },

  'review.list.issuesNotice': {
    zh: '有 {count} 条记录被要求修改，请查看审核意见。',
    en: '{count:record needs|records need} changes: see the review comments.',
  },
  'review.list.showIssues': { zh: '只看待修改', en: 'Show only these' },
  'review.form.saveAndResubmit': { zh: '保存并重新提交', en: 'Save and resubmit' },
  'review.form.saveAndSubmit': { zh: '保存并提交审核', en: 'Save and submit for review' },
  'review.form.viewTitle': { zh: '查看走访', en: 'Visit' },

  'review.complete.intro': {
    zh: '共 {count} 项需要补充或确认。点击一项打开对应的记录。',
    en: '{count:item|items} to complete or confirm. Click one to open its record.',
  },
  'review.complete.allClear': {
    zh: '记录完整：没有需要补充的内容。',
    en: 'Complete: nothing is missing.',
  },
  'review.complete.groupTitle': { zh: '{title}（{count}）', en: '{title} ({count})' },
  'review.complete.col.record': { zh: '记录', en: 'Record' },
  'review.complete.col.detail': { zh: '说明', en: 'Details' },
  'review.complete.visitEmpty': { zh: '走访未记录问题、建议或纪要', en: 'Visits with nothing recorded' },
  'review.complete.visitEmptyHint': {
    zh: '打开走访，补充诊断的问题、意见建议或走访纪要。',
    en: 'Open the visit and add the problems, recommendations or notes.',
  },
  'review.complete.needUnvisited': { zh: '需求尚无专家走访', en: 'Needs nobody visited' },
  'review.complete.needUnvisitedHint': {
    zh: '在走访记录中关联这项需求，或在需求中注明已解决或关闭。',
    en: 'Link the need to a visit, or mark it addressed or closed.',
  },
  'review.complete.agreementNoSignedDate': {
    zh: '协议缺少签约日期',
    en: 'Agreements without a signing date',
  },
  'review.complete.agreementNoSignedDateHint': {
    zh: '状态为已签约的协议须填写签约日期。',
    en: 'A signed agreement needs its signing date.',
  },
  'review.complete.agreementNoParties': { zh: '协议未填写签约各方', en: 'Agreements without parties' },
  'review.complete.agreementNoPartiesHint': {
    zh: '填写协议的签约单位或个人。',
    en: 'Fill in who signed the agreement.',
  },
  'review.complete.followUpOverdue': { zh: '跟踪服务已逾期', en: 'Overdue follow-ups' },
  'review.complete.followUpOverdueHint': {
    zh: '完成后更新状态，或调整到期日期。',
    en: 'Update the status when done, or move the due date.',
  },
  'review.complete.memberIdle': { zh: '专家尚未参加走访', en: 'Experts with no visit' },
  'review.complete.memberIdleHint': {
    zh: '检查是否漏记了这些专家参加的走访。',
    en: 'Check whether visits these experts took part in were left out.',
  },
  'review.complete.overdue': {
    zh: '应于 {due} 完成，已逾期 {days} 天',
    en: 'Due {due}, {days:day|days} overdue',
  },
  'review.complete.untitled': { zh: '（无标题）', en: '(untitled)' },
  'review.complete.unknownHost': { zh: '（未知单位）', en: '(unknown host)' },
  'review.complete.unknownExpert': { zh: '（未知专家）', en: '(unknown expert)' },
});
