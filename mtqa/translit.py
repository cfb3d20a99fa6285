"""The characters of transliterated foreign names."""

# Characters of the Xinhua transliteration tables for foreign personal names (Simplified),
# plus the few that established renderings add (亚历山大, 考克斯).
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥敖澳巴拜班邦保鲍贝本比彼毕宾波伯博布查察柴彻辰达戴黛丹道德登迪狄蒂底丁东杜敦顿多厄恩尔"
    "法凡范菲费芬丰冯佛弗伏福富夫盖甘冈高戈哥格根耿贡古圭果哈海亥汉豪浩赫黑亨洪胡华怀惠霍基吉季济加贾简杰捷"
    "金晋久居卡开凯坎康考柯科可克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾里理莉丽利廉列林琳伦罗洛卢鲁路吕律略玛马麦迈"
    "曼芒茂梅美门蒙孟米密敏明缪摩莫默姆穆娜纳乃奈南内妮尼涅宁纽努诺欧帕派潘庞佩彭皮珀普蒲齐奇琪契恰乔切钦琼"
    "丘屈萨塞赛桑瑟森沙莎山尚绍舍申圣施史士什斯丝思苏索塔泰坦汤唐陶特滕提廷汀通图托瓦万旺威韦维温文翁沃乌伍"
    "武西希锡夏谢辛欣休修雅亚延扬耶叶伊依因英尤于约泽扎詹朱卓兹佐祖历大茨薇露芙珊娅隆喀勃斐霍罕宾嘉"
    "-"
)
