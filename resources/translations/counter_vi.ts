<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ActionDialogs</name>
    <message>
        <location filename="../../ui/action_dialogs.py" line="103"/>
        <source>&amp;Transfer to the processing agency</source>
        <translation>&amp;Chuyển cơ quan giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="104"/>
        <source>Request &amp;supplement</source>
        <translation>&amp;Yêu cầu bổ sung</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="105"/>
        <source>Receive supp&amp;lement</source>
        <translation>Nhận &amp;bổ sung</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="106"/>
        <source>Result &amp;ready</source>
        <translation>Đã có kết &amp;quả</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="107"/>
        <source>Return res&amp;ult</source>
        <translation>Trả &amp;kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="108"/>
        <source>Re&amp;fuse</source>
        <translation>&amp;Từ chối tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="109"/>
        <source>Citizen &amp;withdraws</source>
        <translation>Công dân &amp;rút hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="110"/>
        <source>Apologise and res&amp;chedule</source>
        <translation>&amp;Xin lỗi và hẹn lại</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="111"/>
        <source>C&amp;orrect applicant details</source>
        <translation>&amp;Sửa thông tin người nộp</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="112"/>
        <source>Sto&amp;p at the citizen&apos;s request</source>
        <translation>&amp;Dừng giải quyết theo đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="134"/>
        <source>Processing &amp;agency:</source>
        <translation>&amp;Cơ quan giải quyết:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="93"/>
        <source>&amp;Print the supplement request</source>
        <translation>&amp;In phiếu yêu cầu bổ sung</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="94"/>
        <source>&amp;Print the receipt with the new appointment</source>
        <translation>&amp;In lại giấy tiếp nhận với ngày hẹn mới</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="96"/>
        <source>&amp;Print the apology and new appointment</source>
        <translation>&amp;In văn bản xin lỗi và hẹn lại</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="135"/>
        <source>&amp;Missing papers:</source>
        <translation>&amp;Giấy tờ còn thiếu:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="136"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="137"/>
        <source>&amp;Recipient:</source>
        <translation>&amp;Người nhận:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="138"/>
        <source>New &amp;due time:</source>
        <translation>Ngày &amp;hẹn trả mới:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="139"/>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="140"/>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="141"/>
        <source>A&amp;ddress:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="142"/>
        <source>P&amp;hone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="143"/>
        <source>E&amp;mail:</source>
        <translation>Thư đ&amp;iện tử:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="144"/>
        <source>Personal &amp;ID:</source>
        <translation>Số định &amp;danh:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="145"/>
        <source>&amp;Birth date:</source>
        <translation>Ngày &amp;sinh:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="146"/>
        <source>Pro&amp;cedure:</source>
        <translation>&amp;Thủ tục:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="147"/>
        <source>&amp;Social insurance no.:</source>
        <translation>Mã số &amp;BHXH:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="148"/>
        <source>He&amp;alth-insurance card:</source>
        <translation>Mã thẻ BH&amp;YT:</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="168"/>
        <source>Attach the electronic res&amp;ult…</source>
        <translation>Đính &amp;kèm kết quả điện tử…</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="172"/>
        <source>no file</source>
        <translation>chưa có tệp</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="180"/>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="181"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="185"/>
        <source>Dossier {code} — {name}</source>
        <translation>Hồ sơ {code} — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="214"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="268"/>
        <source>Electronic result of {code}</source>
        <translation>Kết quả điện tử của hồ sơ {code}</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="278"/>
        <source>{count} file(s) to attach</source>
        <translation>{count} tệp sẽ đính kèm</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialogs.py" line="291"/>
        <source>The action failed: {error}</source>
        <translation>Không thực hiện được: {error}</translation>
    </message>
</context>
<context>
    <name>AdminAccountPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="45"/>
        <source>First administrator</source>
        <translation>Quản trị viên đầu tiên</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="46"/>
        <source>This account adds the counter staff and supervisors.</source>
        <translation>Tài khoản này dùng để thêm cán bộ một cửa và lãnh đạo.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="57"/>
        <source>&amp;Username</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="58"/>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="59"/>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="60"/>
        <source>&amp;Repeat password</source>
        <translation>&amp;Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="69"/>
        <source>The two passwords differ.</source>
        <translation>Hai lần nhập mật khẩu không khớp.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/admin_page.py" line="26"/>
        <source>Users</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="27"/>
        <source>Office profile</source>
        <translation>Thông tin cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="28"/>
        <source>Calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="30"/>
        <source>Local procedure codes</source>
        <translation>Mã thủ tục địa phương</translation>
    </message>
    <message>
        <location filename="../../ui/admin_page.py" line="34"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="69"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="71"/>
        <source>(not stated)</source>
        <translation>(không ghi)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="72"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="73"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="83"/>
        <source>&amp;Scan CCCD:</source>
        <translation>&amp;Quét CCCD:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="85"/>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="86"/>
        <source>Personal &amp;ID:</source>
        <translation>Số định &amp;danh:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="87"/>
        <source>O&amp;ld ID card (CMND):</source>
        <translation>Số &amp;CMND cũ:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="93"/>
        <source>Social ins&amp;urance no.:</source>
        <translation>Mã số BH&amp;XH:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="94"/>
        <source>He&amp;alth-insurance card:</source>
        <translation>Mã thẻ BH&amp;YT:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="88"/>
        <source>&amp;Birth date:</source>
        <translation>Ngày &amp;sinh:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="89"/>
        <source>Se&amp;x:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="90"/>
        <source>A&amp;ddress:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="91"/>
        <source>P&amp;hone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="92"/>
        <source>E&amp;mail:</source>
        <translation>Thư đ&amp;iện tử:</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../ui/admin_office.py" line="77"/>
        <source>Extra day off</source>
        <translation>Ngày nghỉ thêm</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="78"/>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="80"/>
        <source>e.g. the province&apos;s decision number</source>
        <translation>ví dụ: số quyết định của tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="81"/>
        <source>&amp;Add day</source>
        <translation>&amp;Thêm ngày</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="82"/>
        <source>&amp;Remove selected</source>
        <translation>&amp;Xóa ngày đã chọn</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="86"/>
        <source>Only a supervisor changes the office calendar.</source>
        <translation>Chỉ lãnh đạo mới được thay đổi lịch làm việc của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="90"/>
        <source>&amp;Day</source>
        <translation>&amp;Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="91"/>
        <source>&amp;Kind</source>
        <translation>&amp;Loại</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="92"/>
        <source>&amp;Note</source>
        <translation>&amp;Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="98"/>
        <source>This office&apos;s days off and make-up working days</source>
        <translation>Ngày nghỉ thêm và ngày làm bù của cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="102"/>
        <source>Public holidays this year (Labour Code)</source>
        <translation>Ngày nghỉ lễ trong năm (theo Bộ luật Lao động)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="114"/>
        <source>day off</source>
        <translation>ngày nghỉ</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="114"/>
        <source>make-up working day</source>
        <translation>ngày làm bù</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../ui/capture_dialog.py" line="98"/>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="99"/>
        <source>&amp;Pages (drop image or PDF files here):</source>
        <translation>Các t&amp;rang (thả tệp ảnh hoặc PDF vào đây):</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="101"/>
        <source>&amp;Add files…</source>
        <translation>&amp;Thêm tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="102"/>
        <source>From the &amp;scanner folder</source>
        <translation>Lấy từ thư mục &amp;máy quét</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="103"/>
        <source>Scanner f&amp;older…</source>
        <translation>Chọn thư mục máy &amp;quét…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="104"/>
        <source>Scan &amp;now</source>
        <translation>Quét &amp;ngay</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="106"/>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="107"/>
        <source>Move do&amp;wn</source>
        <translation>Chuyển &amp;xuống</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="108"/>
        <source>&amp;Rotate 90°</source>
        <translation>X&amp;oay 90°</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="109"/>
        <source>Re&amp;move</source>
        <translation>&amp;Bỏ trang</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="124"/>
        <source>Sa&amp;ve</source>
        <translation>Lư&amp;u</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="125"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="130"/>
        <source>Citizen&apos;s earlier copies</source>
        <translation>Bản số hóa đã có của công dân</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="131"/>
        <source>&amp;Citizen&apos;s earlier copies (reuse instead of scanning again):</source>
        <translation>Bản số hóa đã có của &amp;công dân (dùng lại thay vì quét lại):</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="133"/>
        <source>R&amp;euse</source>
        <translation>&amp;Dùng lại</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="231"/>
        <source>{paper} — dossier {code}, {date}, {pages} pages</source>
        <translation>{paper} — hồ sơ {code}, ngày {date}, {pages} trang</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="255"/>
        <source>Add scanned pages</source>
        <translation>Thêm trang đã quét</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="256"/>
        <source>Images and PDF ({patterns})</source>
        <translation>Ảnh và PDF ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="292"/>
        <source>No new scan in {folder}.</source>
        <translation>Không có bản quét mới trong {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="297"/>
        <source>The folder the scanner saves into</source>
        <translation>Thư mục máy quét lưu ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="350"/>
        <source>Discard the {count} page(s) added? Nothing has been saved yet.</source>
        <translation>Bỏ {count} trang đã thêm? Chưa có gì được lưu.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="352"/>
        <source>&amp;Discard</source>
        <translation>&amp;Bỏ các trang</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="353"/>
        <source>&amp;Keep the pages</source>
        <translation>&amp;Giữ lại các trang</translation>
    </message>
</context>
<context>
    <name>CccdScanField</name>
    <message>
        <location filename="../../ui/widgets/cccd_scan_field.py" line="23"/>
        <source>Scan the QR code on the citizen identity card</source>
        <translation>Quét mã QR trên thẻ căn cước</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="52"/>
        <source>Dossier code already used on the portal</source>
        <translation>Mã hồ sơ đã có trên Cổng DVC</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="55"/>
        <source>The portal holds another dossier under the code {code}: two counters gave out the same code. This dossier was not sent, so nothing on the portal was overwritten. Give it a new code, reprint the receipt for the citizen, and check that every counter of the office has its own counter number (Administration → Office).</source>
        <translation>Cổng DVC đang giữ một hồ sơ khác với mã {code}: hai quầy đã cấp trùng mã. Hồ sơ này chưa được gửi nên không có gì trên Cổng bị ghi đè. Hãy cấp mã mới cho hồ sơ, in lại giấy tiếp nhận cho công dân và kiểm tra để mỗi quầy của cơ quan có một số quầy riêng (Quản trị → Thông tin cơ quan).</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="61"/>
        <source>At this counter</source>
        <translation>Tại quầy này</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="61"/>
        <source>On the portal</source>
        <translation>Trên Cổng DVC</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="65"/>
        <source>Give a &amp;new code and send again</source>
        <translation>Cấp &amp;mã mới và gửi lại</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="69"/>
        <source>Only a supervisor gives a dossier a new code.</source>
        <translation>Chỉ lãnh đạo mới được cấp mã mới cho hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="71"/>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
</context>
<context>
    <name>CounterNumberPage</name>
    <message>
        <location filename="../../ui/wizard_counter.py" line="24"/>
        <source>This counter</source>
        <translation>Quầy này</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_counter.py" line="25"/>
        <source>The office and its administrators are on the server already. This counter only needs its number: it is part of the dossier codes and receipt books it issues.</source>
        <translation>Thông tin cơ quan và các quản trị viên đã có trên máy chủ. Quầy này chỉ cần số quầy: số này nằm trong mã hồ sơ và số biên lai quầy cấp.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_counter.py" line="33"/>
        <source>&amp;Counter number</source>
        <translation>&amp;Số quầy</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_counter.py" line="52"/>
        <source>The number could not be saved: {reason}</source>
        <translation>Không lưu được số quầy: {reason}</translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="39"/>
        <source>Portal not configured</source>
        <translation>Chưa cấu hình Cổng DVC</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="41"/>
        <source>Portal connection needs fixing</source>
        <translation>Kết nối Cổng DVC cần cấu hình lại</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="43"/>
        <source>Connection: unknown</source>
        <translation>Kết nối: chưa rõ</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="45"/>
        <source>Online</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="45"/>
        <source>Offline</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="46"/>
        <source>Pending sync: {n}</source>
        <translation>Chờ đồng bộ: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="47"/>
        <source>Pending sync: {n} ({r} refused)</source>
        <translation>Chờ đồng bộ: {n} ({r} bị từ chối)</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="48"/>
        <source>Last sync: {t}</source>
        <translation>Đồng bộ gần nhất: {t}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="49"/>
        <source>never</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="53"/>
        <source>Database not reachable: retrying…</source>
        <translation>Mất kết nối cơ sở dữ liệu: đang thử lại…</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="59"/>
        <source>Database reachable again.</source>
        <translation>Đã kết nối lại cơ sở dữ liệu.</translation>
    </message>
</context>
<context>
    <name>DailyLogDialog</name>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="73"/>
        <source>Dossier tracking log</source>
        <translation>Sổ theo dõi hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="76"/>
        <source>Several &amp;days</source>
        <translation>Nhiều &amp;ngày</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="83"/>
        <source>This counter (no. {number})</source>
        <translation>Quầy này (số {number})</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="84"/>
        <source>Another counter</source>
        <translation>Quầy khác</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="85"/>
        <source>Whole one-stop office (every counter)</source>
        <translation>Toàn bộ phận một cửa (mọi quầy)</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="93"/>
        <source>All staff</source>
        <translation>Tất cả cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="100"/>
        <source>&amp;Make the log</source>
        <translation>&amp;Lập sổ</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="101"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="102"/>
        <source>Fee &amp;ledger</source>
        <translation>Sổ th&amp;u</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="103"/>
        <source>The day&apos;s fee receipts and the totals per clerk and per fee</source>
        <translation>Các biên lai thu phí, lệ phí trong ngày và tổng thu theo người thu, theo loại phí</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="108"/>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="110"/>
        <source>&amp;To:</source>
        <translation>Đến n&amp;gày:</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="111"/>
        <source>Sco&amp;pe:</source>
        <translation>&amp;Phạm vi:</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="112"/>
        <source>Counter &amp;number:</source>
        <translation>Số &amp;quầy:</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="113"/>
        <source>&amp;Staff member:</source>
        <translation>&amp;Cán bộ tiếp nhận:</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="148"/>
        <source>{name} ({username})</source>
        <translation>{name} ({username})</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="155"/>
        <source>Could not load the staff list; the log covers all staff.</source>
        <translation>Không tải được danh sách cán bộ; sổ sẽ lập cho tất cả cán bộ.</translation>
    </message>
    <message>
        <location filename="../../ui/daily_log_dialog.py" line="193"/>
        <source>The end date is before the start date.</source>
        <translation>Ngày kết thúc đứng trước ngày bắt đầu.</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <location filename="../../ui/database_recovery.py" line="39"/>
        <source>This database was made by a newer version of Quầy Một Cửa. Install that version, or restore a backup.</source>
        <translation>Cơ sở dữ liệu này do một phiên bản mới hơn của Quầy Một Cửa tạo ra. Hãy cài phiên bản đó, hoặc khôi phục một bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../../ui/database_recovery.py" line="42"/>
        <source>The database is damaged and cannot be opened.</source>
        <translation>Cơ sở dữ liệu bị hỏng, không mở được.</translation>
    </message>
    <message>
        <location filename="../../ui/database_recovery.py" line="44"/>
        <source>The database cannot be opened.</source>
        <translation>Không mở được cơ sở dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../ui/database_recovery.py" line="49"/>
        <source>Newest good backup: {when} ({file}). Restoring it replaces the current database; the current file is kept beside it.</source>
        <translation>Bản sao lưu tốt mới nhất: {when} ({file}). Khôi phục sẽ thay cơ sở dữ liệu hiện tại; tệp hiện tại được giữ lại bên cạnh.</translation>
    </message>
    <message>
        <location filename="../../ui/database_recovery.py" line="51"/>
        <source>Restore the backup of {when}</source>
        <translation>Khôi phục bản sao lưu lúc {when}</translation>
    </message>
    <message>
        <location filename="../../ui/database_recovery.py" line="54"/>
        <source>No good backup was found. Quit and ask the administrator for help.</source>
        <translation>Không tìm thấy bản sao lưu tốt nào. Hãy thoát và nhờ quản trị viên hỗ trợ.</translation>
    </message>
    <message>
        <location filename="../../ui/database_recovery.py" line="55"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../ui/database_recovery.py" line="60"/>
        <source>The backup could not be restored: {error}</source>
        <translation>Không khôi phục được bản sao lưu: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/database_recovery.py" line="65"/>
        <source>This database is encrypted, and its key is not on this computer (or does not fit it). An administrator types the key from the office&apos;s recovery sheet with the command below, then starts the app again.</source>
        <translation>Cơ sở dữ liệu này được mã hóa, nhưng khóa của nó không có trên máy này (hoặc không khớp). Người quản trị nhập khóa từ phiếu lưu khóa khôi phục của cơ quan bằng lệnh dưới đây, rồi mở lại phần mềm.</translation>
    </message>
</context>
<context>
    <name>DossierDetail</name>
    <message>
        <location filename="../../ui/dossier_detail.py" line="67"/>
        <source>Dossier {code}</source>
        <translation>Hồ sơ {code}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="79"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="83"/>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="83"/>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="83"/>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="83"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="83"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="90"/>
        <source>Timeline</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="104"/>
        <source>Print:</source>
        <translation>In:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="106"/>
        <source>Rec&amp;eipt</source>
        <translation>&amp;Giấy tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="106"/>
        <source>Supple&amp;ment request</source>
        <translation>&amp;Phiếu yêu cầu bổ sung</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="107"/>
        <source>Refus&amp;al</source>
        <translation>Phiếu từ c&amp;hối</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="107"/>
        <source>Apolo&amp;gy</source>
        <translation>Phiếu xin &amp;lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="108"/>
        <source>Stop &amp;notice</source>
        <translation>Thô&amp;ng báo dừng giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="108"/>
        <source>Control s&amp;heet</source>
        <translation>Phiếu kiể&amp;m soát</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="109"/>
        <source>Fee rece&amp;ipt</source>
        <translation>Biên lai th&amp;u phí, lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="109"/>
        <source>Insurance form (&amp;1)</source>
        <translation>Tờ khai bảo hiểm (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="118"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="150"/>
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="150"/>
        <source>due today</source>
        <translation>đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="151"/>
        <source>on time</source>
        <translation>trong hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="178"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="178"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="181"/>
        <source>exempt ({reason})</source>
        <translation>miễn ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="185"/>
        <source>at the counter</source>
        <translation>tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="185"/>
        <source>by post: {address}</source>
        <translation>qua bưu chính: {address}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="188"/>
        <source>Procedure:</source>
        <translation>Thủ tục:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="189"/>
        <source>Applicant:</source>
        <translation>Người nộp hồ sơ:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="190"/>
        <source>Personal ID / birth date / sex:</source>
        <translation>Số định danh / ngày sinh / giới tính:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="192"/>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="193"/>
        <source>Phone / e-mail:</source>
        <translation>Điện thoại / thư điện tử:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="196"/>
        <source>Summary:</source>
        <translation>Trích yếu:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="197"/>
        <source>Received:</source>
        <translation>Tiếp nhận:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="197"/>
        <source>{time} by {name} (book {book}, no. {number})</source>
        <translation>{time}, người tiếp nhận {name} (quyển {book}, số {number})</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="200"/>
        <source>Due:</source>
        <translation>Hẹn trả:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="201"/>
        <source>Papers ({sets} sets):</source>
        <translation>Thành phần hồ sơ ({sets} bộ):</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="202"/>
        <source>Fees:</source>
        <translation>Phí, lệ phí:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="202"/>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="203"/>
        <source>Result delivery:</source>
        <translation>Nhận kết quả:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="204"/>
        <source>Processing agency:</source>
        <translation>Cơ quan giải quyết:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="207"/>
        <source>Returned:</source>
        <translation>Đã trả:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="207"/>
        <source>{time} to {name}</source>
        <translation>{time}, trả cho {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="219"/>
        <source>Social insurance no. / health-insurance card:</source>
        <translation>Mã số BHXH / mã thẻ BHYT:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="227"/>
        <source>Subject:</source>
        <translation>Người được cấp / chủ hồ sơ:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="228"/>
        <source>Subject&apos;s ID / birth date:</source>
        <translation>Số định danh / ngày sinh chủ hồ sơ:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="230"/>
        <source>Authorisation:</source>
        <translation>Giấy ủy quyền:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="235"/>
        <source>processing agency: {}</source>
        <translation>cơ quan giải quyết: {}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="235"/>
        <source>received by: {}</source>
        <translation>người nhận: {}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="236"/>
        <source>missing: {}</source>
        <translation>còn thiếu: {}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="236"/>
        <source>new due time: {}</source>
        <translation>hẹn trả mới: {}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="237"/>
        <source>corrected: {}</source>
        <translation>đã sửa: {}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="240"/>
        <source>full name</source>
        <translation>họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="240"/>
        <source>address</source>
        <translation>địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="240"/>
        <source>phone</source>
        <translation>điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="241"/>
        <source>e-mail</source>
        <translation>thư điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="241"/>
        <source>personal ID</source>
        <translation>số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="241"/>
        <source>birth date</source>
        <translation>ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="242"/>
        <source>procedure</source>
        <translation>thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="261"/>
        <source>National portal</source>
        <translation>Cổng Dịch vụ công quốc gia</translation>
    </message>
</context>
<context>
    <name>DossierFilters</name>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="33"/>
        <source>Name, address, ID number, phone or dossier code</source>
        <translation>Tên, địa chỉ, số định danh, số điện thoại hoặc mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="36"/>
        <source>All statuses</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="40"/>
        <source>All procedures</source>
        <translation>Tất cả thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="44"/>
        <source>Any deadline</source>
        <translation>Mọi thời hạn</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="45"/>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="46"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="47"/>
        <source>Received &amp;from</source>
        <translation>Tiế&amp;p nhận từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="57"/>
        <source>&amp;Search:</source>
        <translation>&amp;Tìm kiếm:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="59"/>
        <source>S&amp;tatus:</source>
        <translation>T&amp;rạng thái:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="61"/>
        <source>&amp;Procedure:</source>
        <translation>Thủ tụ&amp;c:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="63"/>
        <source>D&amp;eadline:</source>
        <translation>Thời hạ&amp;n:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_filters.py" line="75"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location filename="../../ui/dossier_list.py" line="90"/>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="90"/>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="90"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="90"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="91"/>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="91"/>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="91"/>
        <source>Received by</source>
        <translation>Người tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="206"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="206"/>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="207"/>
        <source>On time</source>
        <translation>Trong hạn</translation>
    </message>
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <location filename="../../ui/dossier_list.py" line="269"/>
        <source>Dossier tracking &amp;log</source>
        <translation>Sổ theo dõi &amp;hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="272"/>
        <source>&amp;Open (Enter)</source>
        <translation>&amp;Mở (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="310"/>
        <source>More than {count} dossiers</source>
        <translation>Hơn {count} hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_list.py" line="312"/>
        <source>{count} dossiers</source>
        <translation>{count} hồ sơ</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <location filename="../../ui/report766_page.py" line="105"/>
        <source>{count} dossiers</source>
        <translation>{count} hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="107"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>EncryptionBox</name>
    <message>
        <location filename="../../ui/encryption_box.py" line="25"/>
        <source>Data encryption</source>
        <translation>Mã hóa dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/encryption_box.py" line="29"/>
        <source>Print the recovery &amp;key sheet…</source>
        <translation>In phiếu lưu &amp;khóa khôi phục…</translation>
    </message>
    <message>
        <location filename="../../ui/encryption_box.py" line="40"/>
        <source>The office database is on the PostgreSQL server: protect that server&apos;s disk and its backups.</source>
        <translation>Cơ sở dữ liệu của cơ quan nằm trên máy chủ PostgreSQL: hãy bảo vệ ổ đĩa và các bản sao lưu của máy chủ đó.</translation>
    </message>
    <message>
        <location filename="../../ui/encryption_box.py" line="43"/>
        <source>This database is NOT encrypted. An administrator encrypts it, with its backups, by the command: counter-app key encrypt</source>
        <translation>Cơ sở dữ liệu này CHƯA được mã hóa. Người quản trị mã hóa nó cùng các bản sao lưu bằng lệnh: counter-app key encrypt</translation>
    </message>
    <message>
        <location filename="../../ui/encryption_box.py" line="46"/>
        <source>Encrypted. This computer has no keyring of the operating system, so the key is kept in a file only your account can read ({file}). Print the recovery sheet and keep it in the office&apos;s safe.</source>
        <translation>Đã mã hóa. Máy này không có kho khóa (keyring) của hệ điều hành nên khóa được lưu trong một tệp chỉ tài khoản của bạn đọc được ({file}). Hãy in phiếu lưu khóa khôi phục và cất trong két của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../ui/encryption_box.py" line="50"/>
        <source>Encrypted with the key given in COUNTER_DB_KEY.</source>
        <translation>Đã mã hóa bằng khóa trong biến môi trường COUNTER_DB_KEY.</translation>
    </message>
    <message>
        <location filename="../../ui/encryption_box.py" line="51"/>
        <source>Encrypted; the key is kept in the operating system&apos;s keyring. Without the key the data and its backups cannot be read: print the recovery sheet and keep it in the office&apos;s safe.</source>
        <translation>Đã mã hóa; khóa được giữ trong kho khóa (keyring) của hệ điều hành. Mất khóa thì không đọc được dữ liệu và các bản sao lưu: hãy in phiếu lưu khóa khôi phục và cất trong két của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../ui/encryption_box.py" line="66"/>
        <source>Recovery key sheet</source>
        <translation>Phiếu lưu khóa khôi phục</translation>
    </message>
</context>
<context>
    <name>FeeEditor</name>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="66"/>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="67"/>
        <source>Bank transfer</source>
        <translation>Chuyển khoản</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="68"/>
        <source>Exempt</source>
        <translation>Miễn</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="148"/>
        <location filename="../../ui/widgets/fee_editor.py" line="153"/>
        <source>Pages of the original</source>
        <translation>Số trang bản chính</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="149"/>
        <location filename="../../ui/widgets/fee_editor.py" line="157"/>
        <source>Copies</source>
        <translation>Số bản sao</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="170"/>
        <source>Reason for exemption</source>
        <translation>Lý do miễn</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="101"/>
        <source>No fee for this procedure.</source>
        <translation>Thủ tục này không thu phí, lệ phí.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_editor.py" line="209"/>
        <source>Total to collect: {amount}</source>
        <translation>Tổng số tiền thu: {amount}</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../ui/lock.py" line="109"/>
        <source>Wrong password.</source>
        <translation>Sai mật khẩu.</translation>
    </message>
</context>
<context>
    <name>InsuranceCalculator</name>
    <message>
        <location filename="../../ui/insurance_calc.py" line="53"/>
        <source>Insurance amount</source>
        <translation>Số tiền đóng bảo hiểm</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="68"/>
        <source>Other citizens (20% support)</source>
        <translation>Đối tượng khác (hỗ trợ 20%)</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="69"/>
        <source>Ethnic minority (30%)</source>
        <translation>Người dân tộc thiểu số (30%)</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="70"/>
        <source>Near-poor household (40%)</source>
        <translation>Hộ cận nghèo (40%)</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="71"/>
        <source>Poor household or island commune (50%)</source>
        <translation>Hộ nghèo hoặc xã đảo (50%)</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="76"/>
        <source>{n} month(s)</source>
        <translation>{n} tháng</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="78"/>
        <source>&amp;Members joining</source>
        <translation>&amp;Số người tham gia</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="79"/>
        <source>&amp;From month</source>
        <translation>&amp;Từ tháng</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="80"/>
        <source>Mo&amp;nths</source>
        <translation>Số thá&amp;ng</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="81"/>
        <source>Household health insurance</source>
        <translation>BHYT hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="82"/>
        <source>&amp;Chosen monthly income</source>
        <translation>&amp;Mức thu nhập chọn đóng</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="83"/>
        <source>Ca&amp;tegory</source>
        <translation>Đối tượn&amp;g</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="84"/>
        <source>F&amp;rom month</source>
        <translation>Từ thá&amp;ng</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="85"/>
        <source>Peri&amp;od</source>
        <translation>Phương thức đón&amp;g</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="86"/>
        <source>Voluntary social insurance</source>
        <translation>BHXH tự nguyện</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="90"/>
        <source>&amp;Add as a fee</source>
        <translation>Thêm vào &amp;phí</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="91"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="127"/>
        <source>Base salary {salary}; per month: {each}</source>
        <translation>Lương cơ sở {salary}; mỗi tháng: {each}</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="134"/>
        <source>Contribution {total}, State support {support}</source>
        <translation>Số phải đóng {total}, Nhà nước hỗ trợ {support}</translation>
    </message>
    <message>
        <location filename="../../ui/insurance_calc.py" line="146"/>
        <source>{detail}. The citizen pays &lt;b&gt;{amount}&lt;/b&gt;.</source>
        <translation>{detail}. Người dân nộp &lt;b&gt;{amount}&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>LocalCodesTab</name>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="41"/>
        <source>Local code</source>
        <translation>Mã địa phương</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="42"/>
        <location filename="../../ui/admin_local_codes.py" line="44"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="41"/>
        <source>Received</source>
        <translation>Hồ sơ đã nhận</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="41"/>
        <source>Refused by the portal</source>
        <translation>Bị Cổng DVC từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="42"/>
        <location filename="../../ui/admin_local_codes.py" line="43"/>
        <source>National code</source>
        <translation>Mã quốc gia</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="43"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="43"/>
        <source>Likeness</source>
        <translation>Độ giống</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="46"/>
        <source>&amp;Assign national code</source>
        <translation>&amp;Gán mã quốc gia</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="51"/>
        <source>&amp;Local procedures</source>
        <translation>&amp;Thủ tục mã địa phương</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="52"/>
        <source>&amp;Proposed national procedures, most alike first</source>
        <translation>Thủ tục &amp;quốc gia đề xuất, giống nhất trước</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="109"/>
        <source>The procedure catalogue has not been downloaded from the portal yet: synchronise.</source>
        <translation>Chưa tải danh mục thủ tục từ Cổng DVC: hãy đồng bộ.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="113"/>
        <source>{local} → {national}</source>
        <translation>{local} → {national}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="115"/>
        <source>{local}: not mapped yet</source>
        <translation>{local}: chưa gán mã quốc gia</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="134"/>
        <source>No national procedure of the portal&apos;s catalogue looks like {local}.</source>
        <translation>Danh mục của Cổng DVC không có thủ tục quốc gia nào giống {local}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="139"/>
        <source>Choose a local procedure and one of the proposed national procedures first.</source>
        <translation>Hãy chọn một thủ tục mã địa phương và một thủ tục quốc gia được đề xuất trước.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="143"/>
        <source>Assign national code</source>
        <translation>Gán mã quốc gia</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="144"/>
        <source>Send the dossiers of «{local}» to the portal as «{code} {name}»?

{refused} dossier(s) refused by the portal will be sent again with the code {code}, and every dossier of this procedure from now on.</source>
        <translation>Gửi hồ sơ của thủ tục «{local}» lên Cổng DVC dưới thủ tục «{code} {name}»?

{refused} hồ sơ bị Cổng DVC từ chối sẽ được gửi lại với mã {code}; mọi hồ sơ sau này của thủ tục cũng được gửi với mã đó.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="148"/>
        <source>&amp;Assign</source>
        <translation>&amp;Gán</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="149"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/admin_local_codes.py" line="158"/>
        <source>{local} → {national}: {count} refused record(s) queued for the portal again.</source>
        <translation>{local} → {national}: {count} bản ghi bị từ chối đã được xếp gửi lại Cổng DVC.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="37"/>
        <source>Screen locked. {name}, type your password to unlock.</source>
        <translation>Màn hình đã khóa. {name}, nhập mật khẩu để mở khóa.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="40"/>
        <source>Another clerk? Log out: the form being filled in is kept for {name}.</source>
        <translation>Cán bộ khác cần dùng quầy? Bấm Đăng xuất: hồ sơ đang nhập dở được giữ lại cho {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="43"/>
        <source>&amp;Log out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="24"/>
        <location filename="../../ui/login.py" line="31"/>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="32"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="37"/>
        <source>&amp;Username</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="38"/>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="53"/>
        <source>Could not log in.</source>
        <translation>Không đăng nhập được.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="72"/>
        <source>One-stop counter — {office}</source>
        <translation>Bộ phận Một cửa — {office}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>Receive (F2)</source>
        <translation>Tiếp nhận (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>Dossiers (F3)</source>
        <translation>Hồ sơ (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>Return results (F4)</source>
        <translation>Trả kết quả (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Sync (F6)</source>
        <translation>Đồng bộ (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>766 indicators (F8)</source>
        <translation>Chỉ số 766 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>Administration (F7)</source>
        <translation>Quản trị (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>Session</source>
        <translation>Phiên làm việc</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>Lock screen</source>
        <translation>Khóa màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>Log out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>OfficeForm</name>
    <message>
        <location filename="../../ui/office_form.py" line="44"/>
        <source>e.g. Trung tâm Phục vụ hành chính công xã …</source>
        <translation>ví dụ: Trung tâm Phục vụ hành chính công xã …</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="46"/>
        <source>e.g. UBND xã …</source>
        <translation>ví dụ: UBND xã …</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="51"/>
        <source>Counter 1</source>
        <translation>Quầy số 1</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="54"/>
        <source>Each counter of the office needs its own number: it is part of every dossier code, so two counters never give out the same code.</source>
        <translation>Mỗi quầy trong cơ quan cần một số riêng: số quầy nằm trong mã hồ sơ, nên hai quầy không bao giờ cấp trùng mã.</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="66"/>
        <source>Agency &amp;identifier code</source>
        <translation>&amp;Mã định danh cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="67"/>
        <source>Agency &amp;name</source>
        <translation>&amp;Tên cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="68"/>
        <source>&amp;Parent agency</source>
        <translation>Cơ quan &amp;chủ quản</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="69"/>
        <source>Pro&amp;vince</source>
        <translation>Tỉnh/thành &amp;phố</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="70"/>
        <source>&amp;Commune or ward</source>
        <translation>&amp;Xã/phường</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="71"/>
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="72"/>
        <source>Co&amp;unter name</source>
        <translation>Tên &amp;quầy</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="73"/>
        <source>Counter num&amp;ber</source>
        <translation>&amp;Số quầy</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="74"/>
        <source>P&amp;hone</source>
        <translation>Điện th&amp;oại</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="75"/>
        <source>Status &amp;lookup URL</source>
        <translation>Địa chỉ t&amp;ra cứu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="78"/>
        <source>&amp;Morning</source>
        <translation>Buổi sán&amp;g</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="78"/>
        <source>A&amp;fternoon</source>
        <translation>Buổi c&amp;hiều</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="137"/>
        <source>Choose the province and the commune or ward from the lists.</source>
        <translation>Hãy chọn tỉnh/thành phố và xã/phường trong danh sách.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="31"/>
        <source>Office</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="32"/>
        <source>Who receives dossiers here: printed on every receipt and sent to the portal.</source>
        <translation>Nơi tiếp nhận hồ sơ: in trên mọi giấy tiếp nhận và gửi lên Cổng Dịch vụ công.</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <location filename="../../ui/admin_office.py" line="39"/>
        <source>&amp;Save office profile</source>
        <translation>&amp;Lưu thông tin cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="43"/>
        <source>Only an administrator changes the office profile.</source>
        <translation>Chỉ quản trị viên mới được thay đổi thông tin cơ quan.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_office.py" line="62"/>
        <source>Saved. New papers use the new profile.</source>
        <translation>Đã lưu. Các giấy tờ in từ nay dùng thông tin mới.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/tasks.py" line="176"/>
        <source>The operation could not be completed ({error}). Try again; if it happens again, tell the administrator.</source>
        <translation>Thao tác không thực hiện được ({error}). Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên.</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="185"/>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
</context>
<context>
    <name>PaperCaptures</name>
    <message>
        <location filename="../../ui/paper_captures.py" line="47"/>
        <location filename="../../ui/paper_captures.py" line="56"/>
        <source>Electronic copies</source>
        <translation>Bản điện tử (số hóa)</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="58"/>
        <source>Digiti&amp;ze…</source>
        <translation>Số hó&amp;a…</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="61"/>
        <source>&amp;View copy</source>
        <translation>X&amp;em bản điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="64"/>
        <source>Withdraw cop&amp;y…</source>
        <translation>Gỡ bản đ&amp;iện tử…</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="93"/>
        <source>exempt from digitisation (shown only)</source>
        <translation>Miễn số hóa (xuất trình)</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="95"/>
        <source>Result — {state}</source>
        <translation>Kết quả — {state}</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="101"/>
        <source>digitised ({count} PDF)</source>
        <translation>đã số hóa ({count} PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="101"/>
        <source>not digitised</source>
        <translation>chưa số hóa</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="121"/>
        <source>Digitise: {what}</source>
        <translation>Số hóa: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="167"/>
        <source>electronic copy of {what}</source>
        <translation>bản điện tử của {what}</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="178"/>
        <source>This electronic copy is missing or was altered, so it cannot be shown.</source>
        <translation>Bản điện tử này bị thiếu hoặc đã bị thay đổi nên không hiển thị được.</translation>
    </message>
    <message>
        <location filename="../../ui/paper_captures.py" line="179"/>
        <source>An administrator can run the data check (check) and restore it from a backup; otherwise digitise the paper again.</source>
        <translation>Quản trị viên có thể chạy kiểm tra dữ liệu (check) và khôi phục từ bản sao lưu; nếu không, hãy số hóa lại giấy tờ.</translation>
    </message>
</context>
<context>
    <name>PaperChecklist</name>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="25"/>
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="26"/>
        <source>Certified copy</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="27"/>
        <source>Photocopy</source>
        <translation>Bản photo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="28"/>
        <source>Original or certified copy</source>
        <translation>Bản chính hoặc bản sao chứng thực</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="29"/>
        <source>Original, shown only</source>
        <translation>Bản chính (xuất trình)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="42"/>
        <source>Required paper</source>
        <translation>Giấy tờ bắt buộc</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/paper_checklist.py" line="50"/>
        <source> copies</source>
        <translation> bản</translation>
    </message>
</context>
<context>
    <name>PortalSettingsDialog</name>
    <message>
        <location filename="../../ui/portal_settings.py" line="24"/>
        <source>Portal connection</source>
        <translation>Kết nối Cổng Dịch vụ công quốc gia</translation>
    </message>
    <message>
        <location filename="../../ui/portal_settings.py" line="36"/>
        <source>Allow unencrypted http:// (the simulator on this computer only)</source>
        <translation>Cho phép http:// không mã hóa (chỉ cho bộ mô phỏng trên chính máy này)</translation>
    </message>
    <message>
        <location filename="../../ui/portal_settings.py" line="40"/>
        <source>kept in the operating system&apos;s keyring</source>
        <translation>lưu trong kho khóa của hệ điều hành</translation>
    </message>
    <message>
        <location filename="../../ui/portal_settings.py" line="42"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/portal_settings.py" line="43"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/portal_settings.py" line="47"/>
        <source>Adapter &amp;URL</source>
        <translation>Địa chỉ &amp;kết nối (adapter)</translation>
    </message>
    <message>
        <location filename="../../ui/portal_settings.py" line="49"/>
        <source>&amp;Username</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/portal_settings.py" line="50"/>
        <source>&amp;Agency code</source>
        <translation>&amp;Mã định danh cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/portal_settings.py" line="51"/>
        <source>&amp;Destination code</source>
        <translation>Mã đ&amp;ích (dstcode)</translation>
    </message>
    <message>
        <location filename="../../ui/portal_settings.py" line="52"/>
        <source>&amp;Password</source>
        <translation>Mật khẩ&amp;u</translation>
    </message>
    <message>
        <location filename="../../ui/portal_settings.py" line="72"/>
        <source>Could not save the connection.</source>
        <translation>Không lưu được cấu hình kết nối.</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../ui/printing_actions.py" line="133"/>
        <source>The receipt printer is not set or not available; choose one.</source>
        <translation>Chưa chọn máy in giấy tiếp nhận hoặc máy in không sẵn sàng; hãy chọn máy in.</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="141"/>
        <source>Could not print on {printer}: {error}</source>
        <translation>Không in được trên máy in {printer}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="143"/>
        <source>Printed {paper} for {code} on {printer} ({pages} page(s)).</source>
        <translation>Đã in {paper} của hồ sơ {code} trên máy in {printer} ({pages} trang).</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="155"/>
        <source>Record the supplement request on the dossier first.</source>
        <translation>Hãy ghi nhận yêu cầu bổ sung trên hồ sơ trước.</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="156"/>
        <source>Record the refusal on the dossier first.</source>
        <translation>Hãy ghi nhận việc từ chối tiếp nhận trên hồ sơ trước.</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="157"/>
        <source>Record the new appointment (reschedule) on the dossier first.</source>
        <translation>Hãy ghi nhận việc hẹn lại ngày trả kết quả trên hồ sơ trước.</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="159"/>
        <source>Cannot make “{paper}” for dossier {code} yet.</source>
        <translation>Chưa thể lập “{paper}” cho hồ sơ {code}.</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="162"/>
        <source>Could not make “{paper}” ({error}).</source>
        <translation>Không lập được “{paper}” ({error}).</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="172"/>
        <source>Only supervisors and administrators print the dossier tracking log.</source>
        <translation>Chỉ lãnh đạo và quản trị viên mới in Sổ theo dõi hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="203"/>
        <source>Making the dossier tracking log…</source>
        <translation>Đang lập Sổ theo dõi hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="203"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="249"/>
        <source>Could not make the fee ledger.</source>
        <translation>Không lập được sổ thu phí, lệ phí.</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="262"/>
        <source>Could not make the dossier tracking log.</source>
        <translation>Không lập được Sổ theo dõi hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/printing_actions.py" line="264"/>
        <source>Could not make the dossier tracking log ({error}).</source>
        <translation>Không lập được Sổ theo dõi hồ sơ ({error}).</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="235"/>
        <source>Print preview: {title}</source>
        <translation>Xem trước khi in: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="242"/>
        <source>&amp;Print (Ctrl+P)</source>
        <translation>&amp;In (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="245"/>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="248"/>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="264"/>
        <source>{pages} page(s), A4 {orientation}</source>
        <translation>{pages} trang, A4 {orientation}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="266"/>
        <source>landscape</source>
        <translation>khổ ngang</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="266"/>
        <source>portrait</source>
        <translation>khổ dọc</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="268"/>
        <source>printer: {name}</source>
        <translation>máy in: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="287"/>
        <source>Print {title}</source>
        <translation>In {title}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="304"/>
        <source>Could not print: {error}</source>
        <translation>Không in được: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="321"/>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="322"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="334"/>
        <source>Could not save the file {path}.</source>
        <translation>Không lưu được tệp {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="336"/>
        <source>Saved to {path}</source>
        <translation>Đã lưu vào {path}</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../ui/widgets/procedure_picker.py" line="46"/>
        <source>Type part of the name, e.g. &quot;cap lai the&quot;</source>
        <translation>Gõ một phần tên, ví dụ &quot;cap lai the&quot;</translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <location filename="../../ui/receive_form.py" line="105"/>
        <source>&amp;Restore draft</source>
        <translation>&amp;Khôi phục bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="106"/>
        <source>Discard draft</source>
        <translation>Bỏ bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="126"/>
        <source>Filled from the procedure and the subject; you may edit it</source>
        <translation>Điền sẵn theo thủ tục và chủ hồ sơ; có thể sửa</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="128"/>
        <source>Tick all re&amp;quired papers</source>
        <translation>Đủ giấy tờ bắt buộc (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="130"/>
        <source>Ticks every paper marked * once you have checked them, then goes to the next box to fill</source>
        <translation>Đánh dấu mọi giấy tờ có dấu * sau khi đã kiểm tra, rồi chuyển đến ô cần điền tiếp theo</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="135"/>
        <source>At the &amp;counter</source>
        <translation>Tại q&amp;uầy</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="136"/>
        <source>By p&amp;ost</source>
        <translation>Qua bưu chí&amp;nh</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="143"/>
        <source>Address for the result by post</source>
        <translation>Địa chỉ nhận kết quả qua bưu chính</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="148"/>
        <source>The office database does not answer: this dossier cannot be saved yet. Keep typing: the form is kept, and Save works again as soon as the connection is back.</source>
        <translation>Mất kết nối tới cơ sở dữ liệu của cơ quan: chưa lưu được hồ sơ này. Cứ nhập tiếp, nội dung được giữ lại; nút Lưu dùng lại được ngay khi có kết nối.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="153"/>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="157"/>
        <source>&amp;Procedure</source>
        <translation>&amp;Thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="158"/>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="159"/>
        <source>Subject of the dossier</source>
        <translation>Người được cấp / chủ hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="161"/>
        <source>Summa&amp;ry:</source>
        <translation>T&amp;rích yếu:</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="165"/>
        <source>Papers received</source>
        <translation>Giấy tờ đã nhận</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="170"/>
        <source>Number of se&amp;ts:</source>
        <translation>Số &amp;bộ hồ sơ:</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="174"/>
        <source>Fees</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="175"/>
        <source>Ho&amp;w much? Health / social insurance…</source>
        <translation>Tính tiền BHYT, BHXH (&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="178"/>
        <source>Result delivery</source>
        <translation>Hình thức nhận kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="190"/>
        <source>Print receipt (Ctrl+P / F9)</source>
        <translation>In giấy tiếp nhận (Ctrl+P / F9)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="191"/>
        <source>New dossier (Ctrl+N)</source>
        <translation>Hồ sơ mới (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="195"/>
        <source>Dossier code:</source>
        <translation>Mã hồ sơ:</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="276"/>
        <source>An unsaved draft from {time} was found.</source>
        <translation>Có một bản nháp chưa lưu lúc {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="336"/>
        <source>Due time: choose a procedure</source>
        <translation>Hẹn trả: hãy chọn thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="338"/>
        <source>Due time if received now: {due} ({time})</source>
        <translation>Hẹn trả nếu tiếp nhận bây giờ: {due} ({time})</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="352"/>
        <source>Choose a procedure first.</source>
        <translation>Hãy chọn thủ tục trước.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="414"/>
        <source>Not saved: the office database does not answer. The form is kept as typed; save again when the connection is back.</source>
        <translation>Chưa lưu được: cơ sở dữ liệu của cơ quan không trả lời. Nội dung đã nhập vẫn giữ nguyên; hãy lưu lại khi có kết nối.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_form.py" line="421"/>
        <source>Could not save: {error}</source>
        <translation>Không lưu được: {error}</translation>
    </message>
</context>
<context>
    <name>Report766Page</name>
    <message>
        <location filename="../../ui/report766_page.py" line="134"/>
        <source>&amp;Compute</source>
        <translation>Tín&amp;h điểm</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="136"/>
        <source>Export P&amp;DF…</source>
        <translation>Xuất P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="138"/>
        <source>Export to E&amp;xcel…</source>
        <translation>Xuất E&amp;xcel…</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="142"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="142"/>
        <source>Indicator</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="142"/>
        <source>Formula</source>
        <translation>Cách tính</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="142"/>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="143"/>
        <source>Value</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="143"/>
        <location filename="../../ui/report766_page.py" line="155"/>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="143"/>
        <source>Max</source>
        <translation>Tối đa</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="152"/>
        <source>By clerk</source>
        <translation>Theo cán bộ tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="153"/>
        <source>By procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="155"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="155"/>
        <source>Dossiers</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="169"/>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="169"/>
        <source>&amp;To:</source>
        <translation>Đế&amp;n ngày:</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="177"/>
        <source>&amp;Breakdown:</source>
        <translation>&amp;Phân theo:</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="199"/>
        <source>Decision 766/QĐ-TTg indicators for the dossiers received in the period. Enter or double-click a figure to see its dossiers.</source>
        <translation>Chỉ số theo Quyết định 766/QĐ-TTg của các hồ sơ tiếp nhận trong kỳ. Nhấn Enter hoặc nhấp đúp vào một số liệu để xem các hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="219"/>
        <source>The end of the period is before its start.</source>
        <translation>Ngày cuối kỳ trước ngày đầu kỳ.</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="227"/>
        <source>Computing…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="235"/>
        <source>{count} dossiers received from {start} to {end}.</source>
        <translation>{count} hồ sơ tiếp nhận từ {start} đến {end}.</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="259"/>
        <source>The report could not be made: {reason}</source>
        <translation>Không lập được báo cáo: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="281"/>
        <source>Dossiers counted in {code}</source>
        <translation>Hồ sơ được tính trong chỉ số {code}</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="292"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="292"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="293"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="298"/>
        <source>Compute the figures first.</source>
        <translation>Hãy tính điểm trước.</translation>
    </message>
    <message>
        <location filename="../../ui/report766_page.py" line="315"/>
        <source>Saved to {path}.</source>
        <translation>Đã lưu vào {path}.</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <location filename="../../ui/dossier_list.py" line="378"/>
        <source>&amp;Return result</source>
        <translation>Trả &amp;kết quả</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/admin_users.py" line="35"/>
        <source>Staff</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="36"/>
        <source>Supervisor</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="37"/>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
</context>
<context>
    <name>ServerDownDialog</name>
    <message>
        <location filename="../../ui/open_database.py" line="61"/>
        <source>The office&apos;s database server does not answer. Check the network and that the server is on, then try again.</source>
        <translation>Máy chủ cơ sở dữ liệu của cơ quan không trả lời. Hãy kiểm tra mạng và máy chủ đã bật chưa, rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../ui/open_database.py" line="64"/>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../ui/open_database.py" line="65"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/admin_settings.py" line="63"/>
        <source>Paper forms</source>
        <translation>Mẫu giấy tờ</translation>
    </message>
    <message>
        <location filename="../../ui/admin_settings.py" line="71"/>
        <source>(the system&apos;s default printer)</source>
        <translation>(máy in mặc định của hệ thống)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_settings.py" line="76"/>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <location filename="../../ui/admin_settings.py" line="78"/>
        <source>Printers</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <location filename="../../ui/admin_settings.py" line="80"/>
        <source>&amp;Save settings</source>
        <translation>&amp;Lưu cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/admin_settings.py" line="119"/>
        <source>(the first scanner found)</source>
        <translation>(máy quét đầu tiên tìm thấy)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_settings.py" line="188"/>
        <source>Saved. The idle lock and the sync interval apply from the next log-in.</source>
        <translation>Đã lưu. Thời gian tự khóa màn hình và chu kỳ đồng bộ có hiệu lực từ lần đăng nhập sau.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="99"/>
        <source>Quầy Một Cửa — first start</source>
        <translation>Quầy Một Cửa — thiết lập lần đầu</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="117"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; Qua&amp;y lại</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="118"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Kế tiếp &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="119"/>
        <source>&amp;Finish</source>
        <translation>H&amp;oàn tất</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="120"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>StoragePage</name>
    <message>
        <location filename="../../ui/wizard_storage.py" line="52"/>
        <source>Where the dossiers are kept</source>
        <translation>Nơi lưu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="53"/>
        <source>A single counter keeps its database on this computer. The counters of an office can share one database on the office&apos;s server.</source>
        <translation>Một quầy riêng lẻ lưu dữ liệu ngay trên máy này. Các quầy của một cơ quan có thể dùng chung một cơ sở dữ liệu trên máy chủ của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="55"/>
        <source>&amp;This computer only</source>
        <translation>&amp;Chỉ máy này</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="56"/>
        <source>Join the office &amp;server</source>
        <translation>Kết nối &amp;máy chủ của cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="63"/>
        <source>e.g. 192.168.1.10 or may-chu</source>
        <translation>ví dụ 192.168.1.10 hoặc may-chu</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="71"/>
        <source>kept in the operating system&apos;s keyring</source>
        <translation>lưu trong kho khóa (keyring) của hệ điều hành</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="72"/>
        <source>Test &amp;connection</source>
        <translation>Kiểm t&amp;ra kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="78"/>
        <source>&amp;Host</source>
        <translation>Máy c&amp;hủ</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="79"/>
        <source>Po&amp;rt</source>
        <translation>Cổn&amp;g</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="80"/>
        <source>&amp;Database</source>
        <translation>Cơ sở &amp;dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="81"/>
        <source>&amp;User</source>
        <translation>&amp;Tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="82"/>
        <source>&amp;Password</source>
        <translation>Mật khẩ&amp;u</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="124"/>
        <source>Fill in the host, the database and the user.</source>
        <translation>Hãy nhập máy chủ, cơ sở dữ liệu và tài khoản.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="129"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="137"/>
        <source>Connected. The database is empty: Next creates its tables, then asks for the office and its first administrator.</source>
        <translation>Đã kết nối. Cơ sở dữ liệu đang trống: bấm Kế tiếp để tạo các bảng, rồi nhập thông tin cơ quan và quản trị viên đầu tiên.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="139"/>
        <source>Connected. The office is not set up yet: Next asks for the office and its first administrator.</source>
        <translation>Đã kết nối. Cơ quan chưa được thiết lập: bấm Kế tiếp để nhập thông tin cơ quan và quản trị viên đầu tiên.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="141"/>
        <source>Connected. The office is set up on this server: Next asks only for this counter&apos;s number.</source>
        <translation>Đã kết nối. Cơ quan đã được thiết lập trên máy chủ này: bấm Kế tiếp, chỉ cần nhập số quầy của máy này.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="157"/>
        <location filename="../../ui/wizard_storage.py" line="169"/>
        <source>Could not connect: {reason}</source>
        <translation>Không kết nối được: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="159"/>
        <source>No server answers at {host}:{port}. Check the address and the port, that the server is on, and that its firewall lets this computer in.</source>
        <translation>Không có máy chủ nào trả lời tại {host}:{port}. Hãy kiểm tra địa chỉ và cổng, máy chủ đã bật chưa, và tường lửa của máy chủ có cho máy này kết nối không.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="161"/>
        <source>The server refused this user or password. Check them with the office&apos;s administrator.</source>
        <translation>Máy chủ không chấp nhận tài khoản hoặc mật khẩu này. Hãy kiểm tra lại với người quản trị của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="163"/>
        <source>The server has no database named &quot;{db}&quot;. Check the name, or create the database first (README: An office with several counters).</source>
        <translation>Máy chủ không có cơ sở dữ liệu tên «{db}». Hãy kiểm tra lại tên, hoặc tạo cơ sở dữ liệu trước (README: An office with several counters).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="165"/>
        <source>This database holds another program&apos;s tables: it is not a database of Quầy Một Cửa. Give the office an empty database.</source>
        <translation>Cơ sở dữ liệu này chứa bảng của chương trình khác, không phải của Quầy Một Cửa. Hãy dùng một cơ sở dữ liệu trống cho cơ quan.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="167"/>
        <source>This database was made by a newer version of Quầy Một Cửa. Install that version on this computer first.</source>
        <translation>Cơ sở dữ liệu này do phiên bản Quầy Một Cửa mới hơn tạo ra. Hãy cài phiên bản đó trên máy này trước.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="203"/>
        <source>The database could not be prepared: {reason}. An empty office database is prepared with its owner&apos;s account (README: An office with several counters).</source>
        <translation>Không chuẩn bị được cơ sở dữ liệu: {reason}. Cơ sở dữ liệu trống của cơ quan phải được chuẩn bị bằng tài khoản chủ sở hữu (README: An office with several counters).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="214"/>
        <source>Data encryption</source>
        <translation>Mã hóa dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="215"/>
        <source>This computer has no keyring of the operating system. The key that encrypts the counter&apos;s data is kept in a file only your account can read; anyone who can log in as you can read the data. After set-up, an administrator prints the recovery key sheet (Administration → Settings) for the office&apos;s safe.</source>
        <translation>Máy này không có kho khóa (keyring) của hệ điều hành. Khóa mã hóa dữ liệu của quầy được lưu trong một tệp chỉ tài khoản của bạn đọc được; ai đăng nhập được bằng tài khoản này đều đọc được dữ liệu. Sau khi cài đặt, người quản trị in phiếu lưu khóa khôi phục (Quản trị → Cài đặt) để cất trong két của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="234"/>
        <source>This computer has no keyring of the operating system to keep the password in. Install one, or give the password in the environment variable {env} and start the app again.</source>
        <translation>Máy này không có kho khóa (keyring) của hệ điều hành để giữ mật khẩu. Hãy cài một kho khóa, hoặc đặt mật khẩu trong biến môi trường {env} rồi mở lại chương trình.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard_storage.py" line="239"/>
        <source>The keyring did not take the password: {error}</source>
        <translation>Kho khóa không lưu được mật khẩu: {error}</translation>
    </message>
</context>
<context>
    <name>SubjectForm</name>
    <message>
        <location filename="../../ui/widgets/subject_form.py" line="27"/>
        <source>Lod&amp;ged for someone else (the person the dossier is about)</source>
        <translation>&amp;Làm hồ sơ cho người khác (người được cấp / chủ hồ sơ)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/subject_form.py" line="33"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/subject_form.py" line="35"/>
        <source>e.g. child, father, principal</source>
        <translation>ví dụ: con, bố, người ủy quyền</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/subject_form.py" line="43"/>
        <source>Subject&apos;s &amp;full name:</source>
        <translation>Họ &amp;và tên:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/subject_form.py" line="45"/>
        <source>Personal ID / CMND (&amp;k):</source>
        <translation>Số định danh / CMND (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/subject_form.py" line="46"/>
        <source>Birth date (sub&amp;ject):</source>
        <translation>Ngày sinh (&amp;J):</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/subject_form.py" line="44"/>
        <source>R&amp;elation:</source>
        <translation>&amp;Mối quan hệ:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/subject_form.py" line="47"/>
        <source>Authorisation (if an&amp;y):</source>
        <translation>Giấy ủy quyền kèm th&amp;eo:</translation>
    </message>
</context>
<context>
    <name>SupplementPapers</name>
    <message>
        <location filename="../../ui/widgets/supplement_papers.py" line="54"/>
        <source>&amp;Other papers or corrections (one per line):</source>
        <translation>Giấy tờ &amp;khác hoặc cần sửa (mỗi dòng một loại):</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_page.py" line="55"/>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="62"/>
        <source>&amp;Sync now</source>
        <translation>Đồng &amp;bộ ngay</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="63"/>
        <source>&amp;Retry selected</source>
        <translation>Gửi &amp;lại mục đã chọn</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="64"/>
        <source>Retry &amp;all refused</source>
        <translation>Gửi lại &amp;tất cả mục bị từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="65"/>
        <source>&amp;Connection…</source>
        <translation>&amp;Kết nối…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="68"/>
        <source>Only an administrator sets the portal connection.</source>
        <translation>Chỉ quản trị viên mới cấu hình kết nối Cổng.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="74"/>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="74"/>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="74"/>
        <source>Attempts</source>
        <translation>Số lần gửi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="75"/>
        <source>Next attempt</source>
        <translation>Lần gửi tới</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="75"/>
        <source>Portal&apos;s message</source>
        <translation>Thông báo của Cổng</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="76"/>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="76"/>
        <source>Finished</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="76"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="76"/>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="77"/>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="77"/>
        <source>Pending</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="77"/>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="79"/>
        <source>Pending and refused</source>
        <translation>Chờ gửi và bị từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="80"/>
        <source>Sync log</source>
        <translation>Nhật ký đồng bộ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="91"/>
        <source>Double-click a record to open its dossier and correct it, or to compare a dossier whose code the portal holds for another dossier.</source>
        <translation>Nhấp đúp vào một bản ghi để mở hồ sơ và sửa, hoặc để so sánh hồ sơ có mã đang thuộc một hồ sơ khác trên Cổng.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="110"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="110"/>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="115"/>
        <source>code used on the portal: needs a new code</source>
        <translation>trùng mã trên Cổng: cần cấp mã mới</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="117"/>
        <source>waits for a fix</source>
        <translation>chờ sửa</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="119"/>
        <source>after the refused record</source>
        <translation>sau bản ghi bị từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="121"/>
        <source>when the portal is configured</source>
        <translation>khi đã cấu hình Cổng DVC</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="123"/>
        <source>when the portal is reachable</source>
        <translation>khi kết nối được Cổng DVC</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="124"/>
        <source>now</source>
        <translation>ngay</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="143"/>
        <source>The connection to the National Public Service Portal is not configured. An administrator sets it with the Connection… button (or: counter-app portal set).</source>
        <translation>Chưa cấu hình kết nối Cổng Dịch vụ công quốc gia. Quản trị viên cấu hình bằng nút «Kết nối…» (hoặc lệnh counter-app portal set).</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="146"/>
        <source>checking…</source>
        <translation>đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="146"/>
        <source>online</source>
        <translation>đã kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="146"/>
        <source>offline</source>
        <translation>mất kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="147"/>
        <source>Portal: {connection}. Waiting to be sent: {pending}. Refused, waiting for a fix: {failed}. Last successful sync: {last}.</source>
        <translation>Cổng DVC: {connection}. Chờ gửi: {pending}. Bị từ chối, chờ sửa: {failed}. Đồng bộ thành công gần nhất: {last}.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="150"/>
        <source>never</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="168"/>
        <source>New dossier code</source>
        <translation>Mã hồ sơ mới</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="169"/>
        <source>The dossier now has the code {code} and goes to the portal with the next sync. Reprint the receipt for the citizen (Print receipt in the dossier&apos;s detail).</source>
        <translation>Hồ sơ đã có mã mới {code} và sẽ được gửi lên Cổng DVC ở lần đồng bộ tới. Hãy in lại giấy tiếp nhận cho công dân (nút In giấy tiếp nhận trong chi tiết hồ sơ).</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="172"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="193"/>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="204"/>
        <source>Not synced: {problem}</source>
        <translation>Chưa đồng bộ được: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="206"/>
        <source>Synced ({time}).</source>
        <translation>Đã đồng bộ ({time}).</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="208"/>
        <source>The portal could not be reached ({time}): nothing was sent. The records wait here and go with the next sync by themselves.</source>
        <translation>Không kết nối được Cổng DVC ({time}): chưa gửi được gì. Các bản ghi chờ ở đây và tự gửi ở lần đồng bộ sau.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../ui/trend766_chart.py" line="42"/>
        <source>Month by month</source>
        <translation>Diễn biến theo tháng</translation>
    </message>
    <message>
        <location filename="../../ui/trend766_chart.py" line="46"/>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location filename="../../ui/trend766_chart.py" line="50"/>
        <source>Share (%)</source>
        <translation>Tỷ lệ (%)</translation>
    </message>
    <message>
        <location filename="../../ui/trend766_chart.py" line="57"/>
        <source>{code} (target {target}%)</source>
        <translation>{code} (chỉ tiêu {target}%)</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/admin_users.py" line="54"/>
        <source>&amp;Username</source>
        <translation>Tên đăng &amp;nhập</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="54"/>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="55"/>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="55"/>
        <source>R&amp;ole</source>
        <translation>&amp;Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="59"/>
        <source>&amp;Add user</source>
        <translation>&amp;Thêm tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="60"/>
        <source>&amp;Correct full name</source>
        <translation>&amp;Sửa họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="61"/>
        <source>&amp;Disable / enable</source>
        <translation>&amp;Khóa / mở khóa</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="62"/>
        <source>R&amp;eset password</source>
        <translation>Đặt &amp;lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="89"/>
        <source> (disabled)</source>
        <translation> (đã khóa)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="125"/>
        <source>Account {user} added.</source>
        <translation>Đã thêm tài khoản {user}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="130"/>
        <source>Full name of {user} corrected.</source>
        <translation>Đã sửa họ tên của tài khoản {user}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="135"/>
        <source>Account {user} disabled.</source>
        <translation>Đã khóa tài khoản {user}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="136"/>
        <source>Account {user} enabled.</source>
        <translation>Đã mở khóa tài khoản {user}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="144"/>
        <source>Type the new password for {user} first.</source>
        <translation>Hãy nhập mật khẩu mới cho tài khoản {user} trước.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_users.py" line="147"/>
        <source>Password of {user} reset.</source>
        <translation>Đã đặt lại mật khẩu cho tài khoản {user}.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="40"/>
        <source>Withdraw an electronic copy: {what}</source>
        <translation>Gỡ bản điện tử: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="42"/>
        <source>The copy will no longer be this dossier&apos;s: the paper reads &quot;not digitised&quot; unless another copy remains, and the portal is sent the dossier without it. The file is kept for the audit trail. Digitise the right paper afterwards.</source>
        <translation>Bản này sẽ không còn là bản điện tử của hồ sơ: giấy tờ trở lại «chưa số hóa» nếu không còn bản nào khác, và hồ sơ được gửi lại lên Cổng DVC không kèm bản này. Tệp vẫn được lưu để phục vụ kiểm tra. Sau đó hãy số hóa đúng giấy tờ.</translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="51"/>
        <source>&amp;Copy to withdraw:</source>
        <translation>&amp;Bản cần gỡ:</translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="58"/>
        <source>What was wrong with it (3 to 200 characters)</source>
        <translation>Bản này sai ở đâu (từ 3 đến 200 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="59"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="66"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="67"/>
        <source>&amp;Withdraw</source>
        <translation>&amp;Gỡ bản điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="79"/>
        <source>Copy {seq} — {size} KB, attached {when}</source>
        <translation>Bản {seq} — {size} KB, đính kèm lúc {when}</translation>
    </message>
    <message>
        <location filename="../../ui/withdraw_dialog.py" line="82"/>
        <source>(reused from {code})</source>
        <translation>(dùng lại từ hồ sơ {code})</translation>
    </message>
</context>
</TS>
