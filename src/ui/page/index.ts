export { Tooltip, type TooltipProps, type TooltipSubject, type RepairInfo, type NoteValue } from './Tooltip';
export { SelectionToolbar, type SelectionToolbarProps } from './SelectionToolbar';
export { PAGE_UI_CSS, FONT_STACK } from './styles';
export { placeBox, type Anchor, type Placement } from './position';
export { Notice, storageErrorText, type NoticeProps } from './Notice';
