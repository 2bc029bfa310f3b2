"""Lines that reach a document on its way to the user and are not part of it.

Every rule is a general principle with the counter-example it must not break. All of them
look at one short line at a time (at most MAX_CLUTTER_CHARS): adverts, credits and page
furniture fit on one short line; a paragraph of the text does not.

* **Signed adverts** (SIGNED): things no document says of itself: "for study only", "do not
  pass on", a QQ/WeChat/phone number or an account id to contact, "follow our 公众号", a
  web address, sales lines (开通会员, 免费下载, 更多范文). Dropped wherever they stand.
  Counter-example: a sentence that mentions 微信 or 关注 (要关注群众呼声) has no id, no
  address and no sales words, and is kept.
* **Advert blocks**: a platform's block at the very top or bottom of a file. Beside signed
  lines it holds lines that are adverts only there (its name, slogan, 订阅/会员 notices).
  Such a line goes only inside a block that a signed line opens or closes, within the first
  or last EDGE_LINES lines. Counter-example: a notice on subscribing to party newspapers
  (订阅) or a heading about union members (会员) with no signed line beside it is kept, and
  a document line (a numbered heading, a 关于… title, a sentence ending in 。) ends a block.
* **News furniture** (NEWS): a dateline alone on its line (新华社北京3月16日电), a newspaper
  page line (《 人民日报 》（ 2021年03月13日 01 版）), credit lines (来源：… 责编：… 作者：…),
  a publishing timestamp (时间：2026-01-22), a photo credit (新华社记者 鞠 鹏摄).
  Counter-example: a meeting notice's "时间：3月5日下午" (a date in words, not a timestamp)
  and a sentence that says where something came from (…来源于群众。) are kept.
* **Page widgets** (WIDGETS): lines made only of a web page's controls (下载 打印 全屏 收藏
  【字号：加大 还原 减小】, 相关报道：, 上一篇). Counter-example: a heading has words
  besides those controls and is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.normalize import simplified, valid_text

MAX_CLUTTER_CHARS = 60
EDGE_LINES = 12  # adverts sit within the first and last dozen lines
MAX_SLOGAN_CHARS = 16  # a platform's name or slogan; a document's title is longer or names its kind
TITLE_ENDINGS = (
    "讲话",
    "报告",
    "决定",
    "公报",
    "意见",
    "通知",
    "条例",
    "规定",
    "党课",
    "发言",
    "提纲",
)

SIGNED: tuple[tuple[str, str], ...] = (
    ("仅供学习", r"仅供(个人)?(学习|参考|交流)"),
    ("禁止外传", r"(禁止|严禁|请勿)(外传|转载|传播|倒卖|商用)"),
    ("整理咨询", r"整理[，,]\s*(咨询|联系|欢迎)"),
    ("联系号码", r"(Q\s*Q|qq|扣扣|微信|vx|v信|电话|手机|联系方式)\s*(群|号)?\s*[:：]?\s*\d{5,}"),
    ("联系账号", r"(微信号?|公众号|vx|v信)\s*[:：]\s*[A-Za-z0-9_\-\u4e00-\u9fff]{2,}"),
    ("会员群", r"(会员|免费)\s*(Q\s*Q)?群\s*[:：]"),
    ("侵权删除", r"如有侵权.{0,6}删除"),
    (
        "关注账号",
        r"关注(我们的?)?(微信)?公众号|点击蓝字关注|长按(识别)?二维码|扫描?二维码|扫一扫[，,\s]*关注"
        # (更多精彩资讯请关注…每日头条, …关注中国经济网官方微信; not a notice's 更多信息请关注
        # 省教育考试院官方网站。)
        r"|更多(?:精彩|相关)?(?:资讯|内容|新闻|信息)\S{0,8}关注\S{0,16}"
        r"(?:微信|公众号|头条|微博|抖音|视频号|我们|本号|订阅号)",
    ),
    ("加好友", r"(添加|加)(我的?)?(微信|QQ|qq|好友|客服)"),
    # a forum's sign-up prompts (马上注册,结交更多好友,…玩转社区。 您需要 登录 才可以下载或查看,
    # 没有账号?立即注册)
    (
        "注册提示",
        r"^(?:马上|立即|免费)注册[,，][^。！？!?]{0,40}(?:社区|论坛)[。.!！]?$"
        r"|没有[账帐]号[?？]\s*立即注册(?=\s*(?:$|[|｜x×]))",
    ),
    (
        "销售",
        r"开通会员|免费下载|全站(资料|文档)|点击(这里|此处|链接|下载)|扫码(关注|加群|下载|领取)"
        r"|更多(精彩|优质)?(范文|资料|文档|材料)(请|尽在|可|，)",
    ),
    ("网址", r"https?://|www\.[a-z0-9-]+\.[a-z]"),
)
EDGE: tuple[str, ...] = (
    r"订阅|会员|倒卖|公众号|微信号|范文|平台",
    r"^【[^】]{0,20}】$",  # a bracketed banner alone on its line, e.g. 【打击倒卖活动】
    r"^(更多|下载)(资料|材料|范文)",
    r"本文来源于?网络",
)
_DIGIT = r"[\d〇一二三四五六七八九十]"
NEWS: tuple[tuple[str, str], ...] = (
    ("电头", rf"^[（(]?[^，。！？：:]{{2,16}}?{_DIGIT}{{1,3}}月{_DIGIT}{{1,3}}日\s*(电|讯)[）)]?$"),
    (
        "报纸版面",
        r"^《\s*[^》]{2,16}\s*》\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*"
        r"(第?\s*\d{1,3}\s*版)?\s*[）)]$",
    ),
    (
        "来源署名",
        r"^[（(【\[·•\s]*(文章来源|信息来源|资料来源|消息来源|来源|来源于|稿源|作者|编辑|责编|责任编辑|审核|审校"
        r"|校对|初审|终审|发布人|通讯员|图片来源|原标题|转载自|文字|摄影)\s*[:：]",
    ),
    ("来源署名", r"\s(来源|稿源)\s*[:：]\s*\S+$"),
    # a page's date and source on one line: 2021-08-28来源：“学习强国”学习平台
    (
        "来源署名",
        r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(来源|稿源)\s*[:：]",
    ),
    # a crawler's or editor's marker where the text starts or ends (==== 正文开始 ====)
    ("正文标记", r"^[=＝\-—*#\s]*正文(开始|结束)[:：]?[=＝\-—*#\s]*$"),
    # a newspaper page's number, and its name, above its articles (第B08版:向两会报告, A01版)
    # (a bulletin's page with its issue and day: 二版:综合新闻总第1086期 >2013-01-07编印)
    (
        "报纸版面",
        rf"^第?\s*[A-Z]?(?:\d{{1,3}}|{_DIGIT}{{1,3}})\s*版(?:\s*[:：][^。，；！？]{{0,20}}?)?"
        r"(?:\s*总?第\d{1,5}期)?(?:\s*>?\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*(?:编印|出版)?)?$",
    ),
    # a wiki page's own furniture (跳转到内容, 維基文庫,自由的圖書館, 本页已校对): MediaWiki's
    # skip links, the site's motto, a page's proofreading state and a law's editions link
    (
        "网页控件",
        r"^(?:跳(?:转|至|到)(?:到)?(?:内容|导航|搜索)|维基(?:文库|百科|新闻|教科书|语录)"
        r"[,，]\s*自由的(?:图书馆|百科全书|新闻源|教科书|名人名言录)|本页(?:已|尚未)校对|此页已验证"
        r"|沿革和最新版)$",
    ),
    # a news site's day over its page with its buttons (2012年7月27日 星期五 收藏首頁|簡體繁體;
    # not the day alone, which may be the text's)
    (
        "网页控件",
        r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|礼拜)[一二三四五六日天]"
        r"(?:\s*[|｜]?\s*(?:收藏|首页|设为首页|加入收藏|收藏本站|简体|繁体|English|登录|注册)+)+\s*$",
    ),
    # a portal's city switch and its hot searches ([南京] 切換, 熱搜詞:榮威 Smart 上汽 …,
    # 热门关键词:…, 热搜: 食品  烟台  奶粉: three short words or more set apart by spaces); not a
    # sentence under such a label (热搜：“淄博烧烤”话题阅读量破亿) nor a list (热门：故宫、长城)
    (
        "网页控件",
        r"^[•·\s]*[\[【][\u4e00-\u9fff]{2,8}[\]】]\s*切换(?:城市)?$"
        r"|^热(?:搜|门)(?:词|搜索|关键词)\s*[:：](?!.*[。！？!?])"
        r"|^热搜\s*[:：]\s*(?:[^\s、，,“”。！？!?]{1,8}\s+){2,}[^\s、，,“”。！？!?]{1,8}$",
    ),
    ("发布时间", r"^(发布|发表|更新)?时间\s*[:：]\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[\d:\s]*$"),
    ("发布时间", r"^(发布|发表|更新)时间\s*[:：]"),
    ("发布时间", r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$"),
    ("图片署名", r"^[（(]?(\S{2,6}(社|报|网))?\s*(记者|通讯员)\s*\S(\s?\S){1,3}\s*摄[）)]?$"),
    ("图片说明", r"^[（(]?图[为片]\s*[:：]?"),
    # a page's sharing and following buttons (点击右上角微信好友 / 朋友圈 / 点击关注微信:, 关注
    # 向日葵微信号; not 要关注群众呼声)
    (
        "分享按钮",
        r"^(?:点击右上角\S{0,12}(?:分享|好友|朋友圈)|请使用浏览器的?分享功能\S{0,6}|点击关注\S{0,6}[:：]?"
        r"|(?:微信)?朋友圈|关注[^\s的]{1,14}?(?:微信号|微信公众号|公众号|抖音号|视频号))$",
    ),
    # a news app's prompt in place of its pictures or the full text (打开网易新闻 查看精彩图片,
    # 扫码阅读《意见》全文); not a text's 打开…大门, 扫码支付 nor 扫码查看核酸检测结果
    (
        "应用提示",
        r"^打开\S{2,8}(?:新闻|客户端|APP|App|app)\s*查看(?:精彩|更多)?(?:图片|全文|内容|视频)$"
        r"|^扫码(?:阅读|查看)\S{0,12}(?:全文|原文|详情)$",
    ),
    ("翻页链接", r"^(上一篇|下一篇|上一条|下一条)\s*[:：]"),
    # a pager with the contents' link and the day (上一篇 目錄 下一篇 2021-11-10); not a
    # table of contents' 目录 alone
    (
        "翻页链接",
        r"^(?:上一篇|下一篇|目录|返回)(?:\s+(?:上一篇|下一篇|目录|返回))+"
        r"(?:\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2})?$",
    ),
    # a site's greeting above its page (您好,欢迎访问三七文档); not a speech's welcome to its
    # hearers (欢迎来到清华园) nor to a fair (欢迎光临…博览会): no site's word
    (
        "欢迎语",
        r"^(?:您好|你好)?[,，!！\s]*欢迎(?:您)?(?:访问|光临|浏览)[^。，,；！？!?]{0,16}"
        r"(?:网|站|平台|文档|文库|官网|网站|门户|系统)[!！。]?$",
    ),
    # a site menu's item with its separator (公共文件夹 |); not a title in a table's cell
    # (中华人民共和国铁路法 |, 殡葬管理条例 |), five characters or more ending with its kind
    (
        "菜单",
        r"^(?![^|｜]{4,}(?:法|条例|规定|办法|细则|决定|意见|通知|报告|讲话)\s)"
        r"[^|｜。！？!?，,]{1,12}\s[|｜]$",
    ),
    # a site's footer: 版权所有, Copyright ©, ICP备…号, 公网安备…号
    ("页脚", r"版权所有|[Cc]opyright|ICP[备证]|公网安备|All Rights Reserved"),
    # an HTML comment a Markdown file carries (<!-- INFO END -->): markup, never text
    ("网页注释", r"^<!--(?:(?!-->).)*-->$"),
    # the 版记 of a 红头文件: who it is sent to, and who printed it when
    ("版记", r"^(抄送|分送|主送|发)\s*[:：]"),
    ("版记", r"^\S{2,24}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$"),
)
WIDGET_WORDS = (
    "下载|打印|全屏|收藏|分享|分享到|字号|加大|还原|减小|大|中|小|默认|超大|关闭|关闭窗口|返回|"
    "更多|查看更多|"  # a list's link to the rest of it (更多>>)
    "返回顶部|顶部|上一篇|下一篇|相关报道|相关阅读|相关链接|相关新闻|扫一扫|打印本页|"
    "我要纠错|纠错|评论|点赞|在看|阅读原文|阅读|END|end|打印正文|点击数|浏览次数|次|"
    "字体|首页|您的位置|当前位置|>|»|›|设为首页|加入收藏|登录|登陆|用户登录|注册|-->|"
    "复制|复制链接|正文复制|"  # a news page's copy button (正文复制)
    "今天是|"  # a site's calendar, its day left out (今天是 over a school's menu)
    "关联法规|相关法规|"  # a law site's links to other laws between articles
    "查看全文|查看余下全文|展开全文|点击查看全文|"  # a page folding its rest
    # a site's search and submission links (本站网站:高级搜索 网上投稿)
    "本站|网站|搜索|站内搜索|高级搜索|全文搜索|投稿|网上投稿|我要投稿|"
    # a government site's accessibility and elderly modes (无障碍 | 长者版, 进入关怀版)
    "无障碍|无障碍浏览|无障碍阅读|长者版|长者模式|关怀版|适老化模式|老年模式|本?网站支持IP[Vv]6|"
    "进入关怀版|进入老年模式|进入长者模式|退出关怀版|退出老年模式|退出长者模式|退出长者版"
)
# (in traditional characters too: 當前位置: 華文頭條 > 推薦)
_TRAIL_LABEL = (
    r"(?:您现在所在的?|您所在的?|您的?[当當]前(?:所在的?)?|您的|[当當]前所在的?|[当當]前|所在)位置"
)
_BREADCRUMB = re.compile(rf"^(?:{_TRAIL_LABEL}|位置)\s*[:：]")
# a page's breadcrumb trail on one line: its label, then 首页 or items between separators (您的
# 位置: 首页 >常德资讯>区县动态>详细内容), or with no label 首页 or a site's name and two items
# more (中国西藏网 > 新闻 > 原创, 首页/ 政府信息公开 / 正文; 首页 after a site's word or glued to
# the first item: 官网首页 » 文章中心 » …, 首页外贸学堂 > …, not a guide's step: 登录首页>个人业务,
# 在首页点击>我要办), and the last item from 首页 on may
# be the page's own long title (首页 > 法律法规 > 行政法类 > 最高人民法院、司法部关于…的实施意见);
# not an address (所在位置：渠县渠江镇文化路12号) nor a process (办理流程：申请>受理>审查)
_CRUMB = r"[^。，；！？：:>»›]{1,12}"
# the first item after a trail's label may be the site's whole name (您现在所在位置:佳木斯市佳兴塑业
# 集团有限公司 >> 行业资讯; not an address: 所在位置：…文三路与学院路交叉口/东北角)
_SITE_CRUMB = (
    rf"(?:{_CRUMB}\s*[>»›/]|[^。，；！？：:>»›/]{{1,22}}(?:公司|集团|网|站|门户|局|委|厅|政府|学校|院|中心|社)"
    r"\s*[>»›])"
)
_GUIDE_STEP = r"(?:登录|进入|打开|点击|选择|返回)"  # a service guide's step, no trail
_SLASHED_CRUMB = r"[^。，；！？：:>»›/]{1,12}"
_BREADCRUMB_LINE = re.compile(
    rf"^(?:(?:{_TRAIL_LABEL}|位置(?=\s*[:：]\s*首页))\s*[:：]\s*(?:首页|{_SITE_CRUMB})"
    rf"[^。，；！？]{{0,60}}|(?:(?![^>»›]*?{_GUIDE_STEP})[^。，；！？：:>»›\s]{{0,6}}首页"
    rf"[^。，；！？：:>»›\s]{{0,8}}"
    rf"|[^。，；！？：:>»›]{{1,10}}[网站])"
    rf"(?:\s*[>»›]\s*{_CRUMB}){{2,}}\s*[>»›]?\s*[|｜]?"
    rf"|首页(?:\s*[>»›]\s*{_CRUMB}){{2,}}\s*[>»›]\s*[^。；！？>»›]{{13,80}}"
    rf"|首页(?:\s*/\s*{_SLASHED_CRUMB}){{2,}}\s*/?)$"
)
# the rest of a trail broken after its label, on the line under it (您的当前位置:首页 /
# > 绍兴动态 > 热点专题 > 重要专题)
_CONTINUED_TRAIL = re.compile(rf"^(?:\s*[>»›]\s*{_CRUMB}){{2,}}\s*[>»›]?$")
MAX_BREADCRUMB_LINES = 8
# a site's menu bar on one line, from its home page on (首 页  教育信息  政务公开  网上办事)
_NAV_BAR = re.compile(r"^首\s?页(?:(?:\s+|\s*[|｜]\s*)[^\s。，,；;！？!?：:]{2,6}){3,}\s*$")
MAX_BREADCRUMB_CHARS = 12
_WIDGETS = re.compile(rf"^[\s【】\[\]|｜:：/]*((?:{WIDGET_WORDS})[\s【】\[\]|｜:：/]*)+$")
# a page's counters of its readers, alone on a line (阅读次数:, 浏览量:34, 访问量:52034)
_COUNTERS = re.compile(
    r"^(?:(?:阅读|浏览|点击|访问)(?:次数|人次|量|数)\s*[:：]?\s*[\d,]*\s*次?\s*)+$"
)
# a page's pager ([ 第1页 第2页 ], 上一页 第2页 下一页, 第1页 共10页): never the text's own line
_PAGE = r"(?:第[\d一二三四五六七八九十]+页|共[\d一二三四五六七八九十]+页)"
_PAGES = re.compile(
    rf"^[【】\[\]|｜]*(?:(?:上一页|下一页|首页|尾页)?{_PAGE}(?:上一页|下一页|尾页)?[【】\[\]|｜,，]*)+$"
)
# a dateline before a headline on its line (新华社北京10月29日电  中国共产党…全体会议公报): the
# headline is a heading; before a sentence it stays in it (新华社是几号发的 asks it)
_DATELINE_PREFIX = re.compile(
    rf"^[（(]?[^，。！？：:\s]{{2,16}}?{_DIGIT}{{1,3}}月{_DIGIT}{{1,3}}日\s*电[）)]?\s+"
    r"(?=[^，,。；;！？!?：:]{4,60}$)"
)
_SIGNED = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in SIGNED)
_EDGE = tuple(re.compile(p, re.IGNORECASE) for p in EDGE)
_NEWS = tuple((name, re.compile(p)) for name, p in NEWS)
# the document's own voice, never an advert: a numbered heading, a 关于… title, a sentence
_DOCUMENT_LINE = re.compile(
    r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|#|关于)|。$"
)
# a page's date and source after its headline on one line (…政府工作报告(2021年) 2021-02-01
# 来源:解放日报): the credit goes, the headline stays
_SOURCE_TAIL = re.compile(
    r"\s+(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+)?"
    r"(?:来源|稿源)\s*[:：]\s*\S+\s*$"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_HEADLINE_HAN = 6
# a syllable in brackets after a character, with its tone mark (關(guān), 中(zhōng)): pinyin a page
# glued in; not an abbreviation in brackets (国内生产总值(GDP), 第(一)项)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])\([a-zü]*[{_TONED}][a-zü]*\)")


@dataclass(frozen=True, slots=True)
class Removed:
    line: str
    rule: str  # which rule removed it, as shown to admins (`studybot outline`)


def _short(line: str) -> str | None:
    stripped = line.strip()
    return stripped if stripped and len(stripped) <= MAX_CLUTTER_CHARS else None


def signed_rule(line: str) -> str | None:
    text = _short(line)
    if text is None:
        return None
    return next((name for name, p in _SIGNED if p.search(text)), None)


def is_boilerplate(line: str) -> bool:
    """A line that is advertising wherever it stands."""
    return signed_rule(line) is not None


# a spam mirror's keywords joined by underscores (国产精品…_精品小视频在线_…, five or more), as
# its page title; not a site's title of a text, its columns and its name (殡葬管理条例_法律法规_…)
_KEYWORD_LINE = re.compile(r"^([^_\s。，,；;]{2,20})(?:\s*_\s*[^_\s。，,；;]{2,20}){4,}$")
MAX_KEYWORD_LINE = 200


def clutter_rule(line: str) -> str | None:
    """The rule that makes a line clutter wherever it stands, or None."""
    keywords = _KEYWORD_LINE.match(line.strip()) if len(line) <= MAX_KEYWORD_LINE else None
    if keywords and not keywords.group(1).endswith(TITLE_ENDINGS):
        return "广告：关键词堆砌"
    text = _short(line)
    if text is None:
        return None
    if rule := signed_rule(text):
        return f"广告：{rule}"
    # (letter-spaced too: 【打 印】)
    unspaced = re.sub(r"\s+", "", text) if " " in text else text
    if (
        _WIDGETS.match(text)
        or (unspaced is not text and _WIDGETS.match(unspaced))
        or _PAGES.match(unspaced)
        or _COUNTERS.match(text)
        or not re.search(r"\w", text)
    ):
        return "网页控件"  # controls, or a stray bracket or rule left by the page
    if _BREADCRUMB_LINE.match(text):
        return "网页控件：导航路径"
    if _NAV_BAR.match(text):
        return "网页控件：导航栏"
    sentence = text.endswith(("。", "；")) and not text.startswith(("（", "("))
    for name, pattern in _NEWS:
        # a sentence of the text is kept, unless it is a 版记 line (发：…各单位。)
        if pattern.search(text) and (not sentence or name == "版记"):
            return f"新闻附注：{name}"
    return None


def _advert_like(text: str, opened: bool) -> bool:
    """A short line that is an advert inside a block: by its words, or, once a signed line
    has opened the block, any very short line (a platform's name or slogan) that is not the
    document's own voice (a heading, a sentence, a title ending in its kind: …的讲话)."""
    short = _short(text)
    if short is None or _DOCUMENT_LINE.search(short):
        return False
    if any(p.search(short) for p in _EDGE):
        return True
    return opened and len(short) <= MAX_SLOGAN_CHARS and not short.endswith(TITLE_ENDINGS)


def _advert_block(lines: list[str], order: list[int]) -> list[int]:
    """The advert block at one end of the document (`order` walks inwards from it): the lines
    up to the innermost signed line among the first EDGE_LINES. Walking stops at the first
    line of the document proper."""
    block: list[int] = []
    signed = 0
    filled = [i for i in order if lines[i].strip()]
    for i in filled[:EDGE_LINES]:
        if is_boilerplate(lines[i]):
            block.append(i)
            signed = len(block)
        elif _advert_like(lines[i], opened=signed > 0 and is_boilerplate(lines[block[0]])):
            block.append(i)
        else:
            break
    if signed and len(block) == len(filled):
        return block  # nothing but the platform's lines: a file of adverts only
    return block[:signed]


@dataclass(frozen=True, slots=True)
class Cleaned:
    lines: tuple[str, ...]  # what is left, blank lines too, in order
    removed: tuple[Removed, ...]
    # the kept lines a posting line (来源:…, 2024-05-21 11:18) was removed from under: where a
    # page's headline is, though the line saying so is gone
    posted_under: tuple[str, ...] = ()


_POSTING_RULES = frozenset({"新闻附注：来源署名", "新闻附注：发布时间"})


def _breadcrumbs(lines: list[str]) -> set[int]:
    """The items of a page's breadcrumb trail: after 您的位置：/当前位置：, the short
    unpunctuated lines (首页 › 要闻 › …) up to the first line of text, and a trail's rest on
    the line under its label (您的当前位置:首页 / > 绍兴动态 > 热点专题)."""
    found: set[int] = set()
    above = ""  # the line before, blank lines aside
    for i, line in enumerate(lines):
        if _CONTINUED_TRAIL.match(line.strip()) and (
            _BREADCRUMB.match(above) or above.endswith("首页") or _BREADCRUMB_LINE.match(above)
        ):
            found.add(i)
        above = line.strip() or above
        if not _BREADCRUMB.match(line.strip()) or _whole_trail(line.strip()):
            continue
        for j in range(i + 1, min(i + 1 + MAX_BREADCRUMB_LINES, len(lines))):
            item = lines[j].strip()
            if item and (len(item) > MAX_BREADCRUMB_CHARS or re.search(r"[。，,；;！？]", item)):
                break
            found.add(j)
    return found


def _whole_trail(line: str) -> bool:
    """A trail ending on its label's line (所在位置:大风车考试网 > 档案管理制度 > 正文): the short
    line under it is the page's headline, not an item; not one ending in its separator."""
    return bool(_BREADCRUMB_LINE.match(line)) and bool(re.search(r"[>»›/][^>»›/]*[^>»›/\s]$", line))


MIN_MENU_ITEMS = 8  # short lines in a row, widgets among them: a site's menu, not a document's
MIN_MENU_WIDGETS = 2
MAX_MENU_ITEM_CHARS = 8
MENU_HEAD_LINES = 120  # menus sit at a page's head, above its text


def _menus(lines: list[str]) -> set[int]:
    """The items of a site's menus at the head of a page (智慧校园 | 教学平台 | 登录|注册 | 首页 /
    新闻中心 / 学校公告 …): runs of at least `MIN_MENU_ITEMS` short unpunctuated lines before the
    first sentence, with widgets among them. A document's own short lines (a table of contents,
    a list of points, names) have no widgets, or come after its first sentence."""
    found: set[int] = set()
    run: list[int] = []
    widgets = 0  # in the run

    def close() -> None:
        if len(run) >= MIN_MENU_ITEMS and widgets >= MIN_MENU_WIDGETS:
            found.update(run)

    for i, line in enumerate(lines[:MENU_HEAD_LINES]):
        item = line.strip()
        if not item:
            continue
        widget = clutter_rule(line) is not None
        short = len(item) <= MAX_MENU_ITEM_CHARS and not re.search(r"[。，,；;！？：:、]", item)
        if short or widget:  # a widget among the items counts too
            run.append(i)
            widgets += widget
            continue
        close()
        run, widgets = [], 0
        if item.endswith(("。", "！", "？")):
            break  # the text has begun: a sentence
    close()
    return found


MAX_FRONT_MATTER_LINES = 30
_FRONT_MATTER_FIELD = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_SITE_FIELD = re.compile(r"^(?:title|layout|date|tags|categories|permalink|url|source|author)\s*:")


# a site's keywords opening a page (精品久久免费看,亚洲免费一区二区,…): five or more short
# phrases between commas as HTML writes them and nothing else; not a sentence (现在，我代表…，
# 向大会报告…，请予审议，…; 为加强…,根据《…》,结合本市实际) nor a slogan of even parts
# (守初心,担使命,找差距,抓落实)
_KEYWORD = r"(?!为|根据|结合)[^,，。；;！!？?：:、《》我也该的了]{2,14}"
_KEYWORDS = re.compile(rf"^{_KEYWORD}(?:\s*,\s*{_KEYWORD}){{4,}},?$")
# ... and a site's menu on one line, five items or more between bars (投保知识手册 | 报销型
# 医疗保险 | 重大疾病保险 | …), not a column's name beside a headline (党史学习教育|不忘初心…)
# nor a table's row: one with a number (1 | 承德 | 2016 | …), or a head over one
_MENU_ITEM = r"[^|｜。，,；;！？!?]{1,10}"
_MENU_BAR = re.compile(rf"^{_MENU_ITEM}(?:\s*[|｜]\s*{_MENU_ITEM}){{4,}}\s*[|｜]?$")
HEAD_LINES = 3  # where a page's menus sit: among its first lines
_PLACEHOLDER_RULE = "网页元数据：占位标题"
# an HTML editor's placeholder left as a page's title (无标题文档, Untitled-1, New Page 1):
# no headline; not a title saying 无标题 among other words (无标题的诗)
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:无标题(?:文档|网页|页)?|未命名(?:文档|网页|页面)?|新建网页\s*\d*"
    r"|untitled(?:\s+(?:document|page))?(?:-\d+)?|new\s+page\s*\d*)$",
    re.IGNORECASE,
)


def _head_furniture(lines: list[str]) -> dict[int, str]:
    """A site's keywords or a trail's items with no label opening a page, and its menus among
    its first lines, with their rule."""
    head = [i for i, line in enumerate(lines) if line.strip()][: HEAD_LINES + 1]
    found = {}
    for k, i in enumerate(head[:HEAD_LINES]):
        line = lines[i].strip()
        above = lines[head[k - 1]].strip() if k else ""
        below = lines[head[k + 1]].strip() if k + 1 < len(head) else ""
        if _PLACEHOLDER_TITLE.match(line):
            found[i] = _PLACEHOLDER_RULE
        elif (
            k == sum(rule == _PLACEHOLDER_RULE for rule in found.values())  # (first but those)
            and _KEYWORDS.match(line)
            and len({len(w.strip()) for w in line.split(",")}) > 1
        ):
            found[i] = "网页元数据：关键词"
        elif _MENU_BAR.match(line) and not _table_row(line, below):
            found[i] = "网页控件：导航栏"
        elif _CONTINUED_TRAIL.match(line) and (not above or clutter_rule(above)):
            # opening the page or under its controls (站内搜索 / > 金融观察 > 金融动态); not a
            # process under its label (流程： / > 受理登记 > …)
            found[i] = "网页控件：导航路径"
    return found


def _table_row(line: str, below: str) -> bool:
    """Whether a line of cells between bars is a table's: a row with a number, or the head
    over such a row of as many cells."""
    cells = re.split(r"\s*[|｜]\s*", line)
    under = re.split(r"\s*[|｜]\s*", below)
    return any(re.search(r"\d", c) for c in cells) or (
        len(under) == len(cells) and any(re.search(r"\d", c) for c in under)
    )


def _front_matter(lines: list[str]) -> set[int]:
    """A static site's YAML header (--- / layout: default / title: Hello / ---) opening the
    file, or under a title line put above it: the site's settings, not the document."""
    filled = [i for i, line in enumerate(lines[: MAX_FRONT_MATTER_LINES + 3]) if line.strip()]
    titled = bool(filled) and lines[filled[0]].strip() != "---"
    if titled and lines[filled[0]].strip().endswith("。"):
        return set()  # a sentence of the text, not a title a page's copy was given above it
    filled = filled[1:] if titled else filled
    if not filled or lines[filled[0]].strip() != "---":
        return set()
    end = next((i for i in filled[1:] if lines[i].strip() == "---"), None)
    inside = [lines[i].strip() for i in filled if end is not None and filled[0] < i < end]
    if end is None or not inside or not all(_FRONT_MATTER_FIELD.match(x) for x in inside):
        return set()
    if titled and not any(_SITE_FIELD.match(x) for x in inside):
        return set()  # under a title, a site's own keys (title:, layout:), not Q: / A:
    return set(range(filled[0], end + 1))


MAX_FOLDED_CHARS = 100  # clutter is short: longer lines are read as written (a 來源: tail too)
_APART = "\x01"


def _simplified_lines(lines: list[str]) -> list[str]:
    """The lines as the rules read them: the short ones in Simplified characters, same
    length (a page in Traditional has its 來源:, 首頁 >, 發布時間: and 【打 印】 too)."""
    short = [
        i for i, line in enumerate(lines) if len(line) <= MAX_FOLDED_CHARS and not line.isascii()
    ]
    read = list(lines)
    # (joined by a character no line holds: a docx line may hold a soft break, \n)
    joined = _APART.join(valid_text(lines[i]) for i in short)
    folded = simplified(joined).split(_APART) if short else []
    if len(folded) == len(short):
        for i, text in zip(short, folded, strict=True):
            read[i] = text
    return read


def clean(lines: list[str]) -> Cleaned:
    """Drop adverts and clutter, keeping every other line (blank ones too) in order, and say
    what was removed by which rule."""
    # (read without the pinyin a mirror glued in: 當(dāng)前位置: 首頁 » 汽車 is a trail)
    written = lines
    unglossed = [without_pinyin(x) if "(" in x else x for x in written]
    lines = _simplified_lines(unglossed)
    inwards = list(range(len(lines)))
    adverts = set(_advert_block(lines, inwards)) | set(_advert_block(lines, inwards[::-1]))
    crumbs = _breadcrumbs(lines) | _menus(lines)
    header = _front_matter(lines)
    furniture = _head_furniture(lines)
    kept: list[str] = []
    removed: list[Removed] = []
    posted: list[str] = []
    # rules read `seen` (Simplified), what is kept or removed is `line` as written (less pinyin)
    for i, (line, seen) in enumerate(zip(unglossed, lines, strict=True)):
        if i in header:
            if line.strip():
                removed.append(Removed(line.strip(), "网页元数据：YAML 头"))
            continue
        if i in adverts:
            removed.append(Removed(line.strip(), "广告：平台广告块"))
            continue
        if i in furniture:
            removed.append(Removed(line.strip(), furniture[i]))
            continue
        if i in crumbs:
            if line.strip():
                removed.append(Removed(line.strip(), "网页控件：导航路径"))
            continue
        tail = _SOURCE_TAIL.search(seen)
        if tail and len(_HAN.findall(seen[: tail.start()])) >= MIN_HEADLINE_HAN:
            removed.append(Removed(line[tail.start() :].strip(), "新闻附注：来源署名"))
            line, seen = line[: tail.start()], seen[: tail.start()]
        rule = clutter_rule(seen)
        if rule is not None:
            removed.append(Removed(line.strip(), rule))
            if rule in _POSTING_RULES and (
                above := next((k.strip() for k in reversed(kept) if k.strip()), "")
            ):
                posted.append(above)
            continue
        if "(" in written[i] and unglossed[i] != written[i]:
            # pinyin a mirror site put after characters (有關(guān)部門): no part of the text
            removed.append(
                Removed("".join(_PINYIN_GLOSS.findall(written[i])), "网页杂质：拼音注音")
            )
        if prefix := _DATELINE_PREFIX.match(seen.strip()):
            removed.append(Removed(line.strip()[: prefix.end()].strip(), "新闻附注：电头"))
            line = line.strip()[prefix.end() :]
        kept.append(line)
    return Cleaned(tuple(kept), tuple(removed), tuple(posted))


def without_pinyin(text: str) -> str:
    """`text` without the pinyin a page glued after its characters (有關(guān) → 有關)."""
    return _PINYIN_GLOSS.sub("", text)


def strip_boilerplate(lines: list[str]) -> list[str]:
    """The lines `clean` keeps."""
    return list(clean(lines).lines)
